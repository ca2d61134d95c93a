namespace SimLoop.BugBench.Runner;

/// <summary>How one seed range went: how many seeds ran until the first failure, and that failure.</summary>
/// <param name="FirstSeed">The range's first seed.</param>
/// <param name="SeedsRun">Seeds run, including the failing one; equal to the cap when nothing failed.</param>
/// <param name="FailingSeed">The first seed whose run failed as the bug does, or null when none did.</param>
/// <param name="Anomaly">The first run that ended with an exception other than the bug's, if any.</param>
/// <param name="Elapsed">Wall time from the first seed until the failing one ended (or the cap was reached).</param>
internal sealed record SeedSearch(long FirstSeed, int SeedsRun, long? FailingSeed, string? Anomaly, TimeSpan Elapsed)
{
    /// <summary>Gets the horizon the failing seed's Pct ran over (0: drawn from the seed), which replaying it needs.</summary>
    public int FailingPctSteps { get; init; }

    /// <summary>Runs seeds <paramref name="firstSeed"/>, +1, ... until the bug manifests or <paramref name="cap"/> seeds ran;
    /// Pct at <paramref name="pctDepth"/> (0: the default); under the portfolio, only the seeds of the member named
    /// <paramref name="member"/> (as <see cref="SimulationOptions.DescribeStrategy"/> names it) when one is given.</summary>
    /// <remarks>Fifo ignores the seed, so one run decides it. Pct's horizon follows the runs so far, in PctHorizon's
    /// blocks, as in a test's seed run; the range is one batch.</remarks>
    public static SeedSearch Run(IBug bug, ScheduleStrategy strategy, long firstSeed, int cap, int pctDepth = 0,
        string? member = null)
    {
        int seeds = strategy == ScheduleStrategy.Fifo ? 1 : cap;
        string? anomaly = null;
        var horizon = new PctHorizon();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long next = firstSeed;
        for (int i = 0; i < seeds; i++)
        {
            long seed = next++;
            while (member is not null
                && new SimulationOptions { Seed = seed, Strategy = strategy }.DescribeStrategy() != "portfolio: " + member)
            {
                seed = next++;
            }

            int steps = horizon.StepsFor(i);
            (Simulation sim, Exception? error) = BugRun.Once(bug, BugRun.Search(strategy, seed, steps, pctDepth));
            horizon.Record(sim.Choices);
            if (BugRun.IsBug(bug, error))
            {
                return new SeedSearch(firstSeed, i + 1, seed, anomaly, watch.Elapsed) { FailingPctSteps = steps };
            }

            if (error is not null && anomaly is null)
            {
                anomaly = $"seed {seed}: {BugRun.Describe(error)}";
            }
        }

        return new SeedSearch(firstSeed, seeds, null, anomaly, watch.Elapsed);
    }
}
