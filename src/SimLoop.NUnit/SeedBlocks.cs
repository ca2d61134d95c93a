using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Runs a seed run's cases in blocks, so that Pct draws its change points over the program's length as the batch
// measures it (PctHorizon). The regressions file's seeds go first, each under the horizon it recorded. Then the
// range: when its Pct has no horizon set (neither SimulationOptions.PctSteps nor SIMLOOP_PCT_STEPS), its seeds run
// in PctHorizon's blocks of doubling size, each block under the estimate of the blocks before it; ParallelSeeds
// runs each block and returns only when all of it ran, which is the barrier that keeps a seed's estimate the same on
// one thread or many. Otherwise the range is one block under the horizon set.
internal sealed class SeedBlocks
{
    private readonly List<SeedOutcome> _failures = [];

    private SeedBlocks()
    {
    }

    public int Ran { get; private set; }

    public int Failed { get; private set; }

    /// <summary>The kept failures in case order; at most <see cref="SeedTally.FailuresKept"/>.</summary>
    public IReadOnlyList<SeedOutcome> Failures() => _failures;

    public static SeedBlocks Run(SeedCases cases, Func<Simulation, Task> body, SimulationOptions template, int? pctSteps,
        int threads, ProgressReporter progress, TextWriter? log)
    {
        var run = new SeedBlocks();
        void Block(IReadOnlyList<SeedCase> block, Func<Simulation, Task> blockBody, SimulationOptions options)
        {
            progress.Carry(run.Ran, run.Failed);
            run.Add(ParallelSeeds.Run(block, blockBody, options, threads, progress, log));
        }

        // File seeds: grouped by the horizon each recorded, in file order within a group.
        foreach (IGrouping<int, SeedCase> group in Enumerable.Range(0, cases.FromFile).Select(i => cases[i]).GroupBy(static c => c.PctSteps))
        {
            Block([.. group], body, group.Key > 0 ? template with { PctSteps = group.Key } : template);
        }

        long first = cases.FromFile;
        long count = cases.Count - first;
        if (pctSteps is not null || template.PctSteps > 0 || !Estimates(cases, first, count))
        {
            int set = pctSteps ?? 0;
            Block(new Slice(cases, first, count, set), body, set > 0 ? template with { PctSteps = set } : template);
            return run;
        }

        var horizon = new PctHorizon();
        var watch = new ChoiceWatch(horizon);
        Func<Simulation, Task> watched = sim =>
        {
            watch.Started(sim);
            return body(sim);
        };
        for (long index = 0; index < count; index = PctHorizon.BlockEnd(index))
        {
            int estimate = horizon.StepsFor(index);
            long end = Math.Min(count, PctHorizon.BlockEnd(index));
            Block(new Slice(cases, first + index, end - index, estimate), watched, template with { PctSteps = estimate });
            watch.Finish();
        }

        return run;
    }

    // Only a range that runs Pct on some seed needs its horizon: Random and Fifo seeds run as one block.
    private static bool Estimates(SeedCases cases, long first, long count) =>
        count > 1 && cases[(int)first].Strategy is ScheduleStrategy.Pct or ScheduleStrategy.Portfolio;

    private void Add(SeedTally block)
    {
        Ran += block.Ran;
        Failed += block.Failed;
        foreach (SeedOutcome failure in block.Failures())
        {
            if (_failures.Count < SeedTally.FailuresKept)
            {
                _failures.Add(failure);
            }
        }
    }

    // Each seed of a range block under the block's horizon; the horizon is pinned on the seeds that run Pct.
    private sealed class Slice(SeedCases cases, long first, long count, int pctSteps) : IReadOnlyList<SeedCase>
    {
        public int Count => (int)count;

        public SeedCase this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                SeedCase seed = cases[(int)(first + index)];
                return pctSteps > 0 && PctHorizon.UsesPct(seed.Strategy, seed.Seed) ? seed with { PctSteps = pctSteps } : seed;
            }
        }

        public IEnumerator<SeedCase> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Feeds each finished run's choices to the horizon. A worker thread runs one simulation at a time, so when it
    // starts the next, the one it ran before has finished; the last run of each thread is read after the block's join.
    // Each worker keeps its own latest simulation and longest run, registered once per block, so starting a seed takes
    // no lock and writes nothing another worker writes; Finish hands the horizon one longest run per worker.
    private sealed class ChoiceWatch(PctHorizon horizon)
    {
        [ThreadStatic]
        private static Worker? t_worker;

        private readonly object _gate = new();
        private readonly List<Worker> _workers = [];

        public void Started(Simulation sim)
        {
            Worker worker = t_worker is { } current && ReferenceEquals(current.Watch, this) ? current : Register();
            if (worker.Latest is { } previous)
            {
                worker.Longest = Math.Max(worker.Longest, previous.Choices);
            }

            worker.Latest = sim;
        }

        public void Finish()
        {
            lock (_gate)
            {
                foreach (Worker worker in _workers)
                {
                    if (worker.Latest is { } last) // null: the worker ran no seed of this block
                    {
                        horizon.Record(Math.Max(worker.Longest, last.Choices));
                        worker.Latest = null; // the thread may run the next block: it starts from nothing
                        worker.Longest = 0;
                    }
                }
            }
        }

        private Worker Register()
        {
            var worker = new Worker(this);
            lock (_gate)
            {
                _workers.Add(worker);
            }

            t_worker = worker;
            return worker;
        }

        private sealed class Worker(ChoiceWatch watch)
        {
            public ChoiceWatch Watch { get; } = watch;

            public Simulation? Latest { get; set; }

            public long Longest { get; set; }
        }
    }
}
