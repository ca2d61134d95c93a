using SimLoop.BugBench.Runner;

namespace SimLoop.BugBench.Report;

/// <summary>The benchmark's targets for one bug: each null when it could not be judged (a strategy or Coyote not run).</summary>
/// <param name="Bug">The bug.</param>
/// <param name="Seeds">The portfolio's median seeds to the first failure at most Coyote's best strategy's median iterations.</param>
/// <param name="WallTime">The portfolio's median wall time to the first failure at least 10x below Coyote's best median.</param>
/// <param name="Replays">Every failure found, under every strategy, replayed exactly every time.</param>
/// <param name="FifoSilent">The bug stays silent in Fifo order.</param>
/// <param name="PctAtMostRandom">Pct's median seeds at most Random's, judged only on the bugs PCT is built for (depth 1 to 3).</param>
internal sealed record TargetCheck(IBug Bug, bool? Seeds, bool? WallTime, bool? Replays, bool? FifoSilent, bool? PctAtMostRandom)
{
    public const double WallTimeRatio = 10;

    public static TargetCheck For(IBug bug, IReadOnlyList<BugResult> results, IReadOnlyList<CoyoteResult>? coyote)
    {
        BugResult? Result(ScheduleStrategy strategy) => results.FirstOrDefault(r => r.Bug == bug && r.Strategy == strategy);
        BugResult? portfolio = Result(ScheduleStrategy.Portfolio);
        List<CoyoteResult> theirs = coyote is null ? [] : [.. coyote.Where(c => c.Bug == bug.Name)];
        bool? seeds = null;
        bool? wallTime = null;
        if (portfolio is not null && theirs.Count > 0)
        {
            seeds = AtMost(portfolio.MedianSeeds, theirs.Min(c => c.MedianIterations ?? double.PositiveInfinity));
            double theirTime = theirs.Min(c => c.MedianMilliseconds ?? double.PositiveInfinity);
            wallTime = portfolio.MedianMilliseconds is double ours && ours * WallTimeRatio <= theirTime;
        }

        List<FailureAnalysis> found = [.. results.Where(r => r.Bug == bug).SelectMany(r => r.Found)];
        bool? replays = found.Count == 0 ? null : found.All(f => f.ReplayRuns > 0 && f.Replays == f.ReplayRuns);
        bool? fifoSilent = Result(ScheduleStrategy.Fifo) is { } fifo ? fifo.RangesFound == 0 : null;
        bool? pct = null;
        if (IsPctTarget(bug) && Result(ScheduleStrategy.Pct) is { } p && Result(ScheduleStrategy.Random) is { } r)
        {
            pct = AtMost(p.MedianSeeds, r.MedianSeeds ?? double.PositiveInfinity);
        }

        return new TargetCheck(bug, seeds, wallTime, replays, fifoSilent, pct);
    }

    /// <summary>Whether PCT is built for this bug: an ordering of tasks of depth 1 (a priority), 2 or 3.</summary>
    public static bool IsPctTarget(IBug bug) => bug.Depth is >= 1 and <= 3;

    // A median that was not reached (null) is worse than any number, and misses even against another that was not.
    private static bool AtMost(double? ours, double theirs) => ours is double value && value <= theirs;
}
