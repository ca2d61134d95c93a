using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Runs seeds on dedicated threads, one simulation per thread at a time. Simulation.Run is synchronous on its
// calling thread and keeps its world in thread-static state, so threads share nothing but the next-seed counter,
// which they take from in chunks;
// the pool is made of plain Threads because src/ bans the thread pool and Parallel (BannedSymbols.txt), and a
// seed that blocks must not starve the test framework's own pool. Outcomes go to a tally by case index, so they
// are reported in seed order whatever order the threads finished in.
internal static class ParallelSeeds
{
    public static SeedTally Run(
        IReadOnlyList<SeedCase> cases,
        Func<Simulation, Task> body,
        SimulationOptions template,
        int threads,
        ProgressReporter? progress,
        TextWriter? log = null)
    {
        int count = Math.Clamp(threads, 1, Math.Max(1, cases.Count));
        if (count == 1)
        {
            // One thread: run here, and report progress between seeds.
            var tally = new SeedTally();
            using var worker = new SeedWorker();
            for (int index = 0; index < cases.Count; index++)
            {
                RunOne(worker, tally, index, cases[index], body, template, log);
                progress?.Tick(tally.Ran, tally.Failed);
            }

            return tally;
        }

        var tallies = new SeedTally?[count];
        var claims = new SeedClaims(cases.Count, count);
        ExceptionDispatchInfo? crash = null;

        void Work(int worker)
        {
            // Each worker counts into a tally of its own, created on its own thread: recording an outcome takes no lock
            // and writes nothing another worker writes. An exception escaping a worker thread would end the test host;
            // it is rethrown on the caller instead.
            try
            {
                var tally = new SeedTally();
                Volatile.Write(ref tallies[worker], tally);
                using var seeds = new SeedWorker();
                while (Volatile.Read(ref crash) is null && claims.TryClaim(out int first, out int end))
                {
                    for (int index = first; index < end; index++)
                    {
                        RunOne(seeds, tally, index, cases[index], body, template, log);
                    }
                }
            }
#pragma warning disable CA1031 // Not swallowed: the first one is rethrown on the calling thread after the join.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref crash, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        var workers = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            int worker = i;
            workers[i] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"SimLoop seeds {i + 1}/{count}" };
            workers[i].Start();
        }

        // This thread only waits and reports: a Join with a timeout is the tick of the progress line.
        foreach (Thread worker in workers)
        {
            while (!worker.Join(ProgressReporter.TickInterval))
            {
                Tick(progress, tallies);
            }
        }

        crash?.Throw();
        var total = new SeedTally();
        foreach (SeedTally? tally in tallies)
        {
            total.Merge(tally!);
        }

        progress?.Tick(total.Ran, total.Failed);
        return total;
    }

    private static void Tick(ProgressReporter? progress, SeedTally?[] tallies)
    {
        if (progress is null)
        {
            return;
        }

        int ran = 0;
        int failed = 0;
        for (int i = 0; i < tallies.Length; i++)
        {
            if (Volatile.Read(ref tallies[i]) is { } seen)
            {
                ran += seen.Ran;
                failed += seen.Failed;
            }
        }

        progress.Tick(ran, failed);
    }

    // A case list may compute its cases (a range, a block with its horizon): each is read once. A passing seed leaves
    // nothing but a count and its length in choices.
    private static void RunOne(SeedWorker worker, SeedTally tally, int index, SeedCase seedCase, Func<Simulation, Task> body,
        SimulationOptions template, TextWriter? log)
    {
        Simulation sim = SeedExecution.Create(seedCase, Logged(template, log, seedCase.Seed));
        tally.Record(index, SeedExecution.Run(worker, ref sim, seedCase, body), sim.Choices);
    }

    // With [SimulationTest(Log = ...)], every seed logs to the test's output, each line led by its seed: seeds run in
    // parallel, so their lines interleave.
    private static SimulationOptions Logged(SimulationOptions template, TextWriter? log, long seed) =>
        log is null ? template : template with { LoggerFactory = new LineLoggerFactory(line => log.WriteLine($"seed {seed}: {line}")) };
}
