using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Runs seeds on dedicated threads, one simulation per thread at a time. Simulation.Run is synchronous on its
// calling thread and keeps its world in thread-static state, so threads share nothing but the next-seed counter;
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
        var tally = new SeedTally();
        int next = -1;
        ExceptionDispatchInfo? crash = null;

        void Work()
        {
            // An exception escaping a worker thread would end the test host; it is rethrown on the caller instead.
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < cases.Count && Volatile.Read(ref crash) is null)
                {
                    tally.Record(index, SeedExecution.Run(cases[index], body, Logged(template, log, cases[index].Seed)));
                }
            }
#pragma warning disable CA1031 // Not swallowed: the first one is rethrown on the calling thread after the join.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref crash, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        int count = Math.Clamp(threads, 1, Math.Max(1, cases.Count));
        if (count == 1)
        {
            // One thread: run here, and report progress between seeds.
            for (int index = 0; index < cases.Count; index++)
            {
                tally.Record(index, SeedExecution.Run(cases[index], body, Logged(template, log, cases[index].Seed)));
                progress?.Tick(tally.Ran, tally.Failed);
            }

            return tally;
        }

        var workers = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = $"SimLoop seeds {i + 1}/{count}" };
            workers[i].Start();
        }

        // This thread only waits and reports: a Join with a timeout is the tick of the progress line.
        foreach (Thread worker in workers)
        {
            while (!worker.Join(ProgressReporter.TickInterval))
            {
                progress?.Tick(tally.Ran, tally.Failed);
            }
        }

        crash?.Throw();
        progress?.Tick(tally.Ran, tally.Failed);
        return tally;
    }

    // With [SimulationTest(Log = ...)], every seed logs to the test's output, each line led by its seed: seeds run in
    // parallel, so their lines interleave.
    private static SimulationOptions Logged(SimulationOptions template, TextWriter? log, long seed) =>
        log is null ? template : template with { LoggerFactory = new LineLoggerFactory(line => log.WriteLine($"seed {seed}: {line}")) };
}
