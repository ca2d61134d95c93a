using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Runs seeds on dedicated threads, one simulation per thread at a time. Simulation.Run is synchronous on its
// calling thread and keeps its world in thread-static state, so threads share nothing but the next-seed counter;
// the pool is made of plain Threads because src/ bans the thread pool and Parallel (BannedSymbols.txt), and a
// seed that blocks must not starve the test framework's own pool. Outcomes land in an array indexed like the
// cases, so they are reported in seed order whatever order the threads finished in.
internal static class ParallelSeeds
{
    public static SeedOutcome[] Run(
        IReadOnlyList<SeedCase> cases,
        Func<Simulation, Task> body,
        SimulationOptions template,
        int threads,
        ProgressReporter? progress)
    {
        var outcomes = new SeedOutcome[cases.Count];
        int next = -1;
        int done = 0;
        int failed = 0;

        void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases.Count)
            {
                SeedOutcome outcome = SeedExecution.Run(cases[index], body, template);
                outcomes[index] = outcome;
                if (outcome.Failed)
                {
                    Interlocked.Increment(ref failed);
                }

                Interlocked.Increment(ref done);
            }
        }

        int count = Math.Clamp(threads, 1, Math.Max(1, cases.Count));
        if (count == 1)
        {
            // One thread: run here, and report progress between seeds.
            for (int index = 0; index < cases.Count; index++)
            {
                outcomes[index] = SeedExecution.Run(cases[index], body, template);
                failed += outcomes[index].Failed ? 1 : 0;
                progress?.Tick(index + 1, failed);
            }

            return outcomes;
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
                progress?.Tick(Volatile.Read(ref done), Volatile.Read(ref failed));
            }
        }

        progress?.Tick(done, failed);
        return outcomes;
    }
}
