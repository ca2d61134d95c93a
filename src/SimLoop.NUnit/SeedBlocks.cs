using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
        SeedTally Block(IReadOnlyList<SeedCase> block, SimulationOptions options)
        {
            progress.Carry(run.Ran, run.Failed);
            SeedTally tally = ParallelSeeds.Run(block, body, options, threads, progress, log);
            run.Add(tally);
            return tally;
        }

        // File seeds: grouped by the horizon each recorded, in file order within a group.
        foreach (IGrouping<int, SeedCase> group in Enumerable.Range(0, cases.FromFile).Select(i => cases[i]).GroupBy(static c => c.PctSteps))
        {
            Block([.. group], group.Key > 0 ? template with { PctSteps = group.Key } : template);
        }

        long first = cases.FromFile;
        long count = cases.Count - first;
        if (pctSteps is not null || template.PctSteps > 0 || !Estimates(cases, first, count))
        {
            int set = pctSteps ?? 0;
            Block(new Slice(cases, first, count, set), set > 0 ? template with { PctSteps = set } : template);
            return run;
        }

        var horizon = new PctHorizon();
        for (long index = 0; index < count; index = PctHorizon.BlockEnd(index))
        {
            int estimate = horizon.StepsFor(index);
            long end = Math.Min(count, PctHorizon.BlockEnd(index));
            SeedTally block = Block(new Slice(cases, first + index, end - index, estimate), template with { PctSteps = estimate });
            horizon.Record(block.LongestChoices);
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
}
