using SimLoop.BugBench.Report;

namespace SimLoop.BugBench.Tests;

// The report's verdicts: medians over ranges where a range that found nothing counts as worse than any that did, the
// portfolio against Coyote's better strategy, the wall-time ratio, and Pct against Random only where PCT applies.
public class TargetCheckTests
{
    private static readonly IBug s_depthTwo = BugCatalog.Find("account");
    private static readonly IBug s_timerTie = BugCatalog.Find("timeout-retry");

    [Test]
    public void Medians_RangeThatFoundNothing_CountsAsWorst()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Medians.Of([3, null, 1]), Is.EqualTo(3));
            Assert.That(Medians.Of([null, null, 1]), Is.Null);
            Assert.That(Medians.Of([4, 2, 1, 9]), Is.EqualTo(3));
        }
    }

    [Test]
    public void Seeds_PortfolioMedianAtCoyotesBest_Holds_AndAboveIt_Missed()
    {
        BugResult[] results = [Result(s_depthTwo, ScheduleStrategy.Portfolio, seeds: [2, 3, 4], milliseconds: 1)];

        TargetCheck atBest = TargetCheck.For(s_depthTwo, results, [Coyote("random", [9, 9, 9], 100), Coyote("prioritization", [3, 3, 3], 100)]);
        TargetCheck above = TargetCheck.For(s_depthTwo, results, [Coyote("random", [9, 9, 9], 100), Coyote("prioritization", [2, 2, 2], 100)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atBest.Seeds, Is.True);
            Assert.That(above.Seeds, Is.False);
        }
    }

    [Test]
    public void WallTime_TenTimesBelowCoyotesFasterStrategy_Holds_AndNineTimes_Missed()
    {
        BugResult[] results = [Result(s_depthTwo, ScheduleStrategy.Portfolio, seeds: [1, 1, 1], milliseconds: 10)];

        TargetCheck tenTimes = TargetCheck.For(s_depthTwo, results, [Coyote("random", [1, 1, 1], 100), Coyote("prioritization", [1, 1, 1], 500)]);
        TargetCheck nineTimes = TargetCheck.For(s_depthTwo, results, [Coyote("random", [1, 1, 1], 90), Coyote("prioritization", [1, 1, 1], 500)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tenTimes.WallTime, Is.True);
            Assert.That(nineTimes.WallTime, Is.False);
        }
    }

    [Test]
    public void Targets_WithoutCoyote_AreNotJudged_AndPctIsJudgedOnlyWherePctApplies()
    {
        BugResult[] ordering = [Result(s_depthTwo, ScheduleStrategy.Pct, [5, 5, 5], 1), Result(s_depthTwo, ScheduleStrategy.Random, [4, 4, 4], 1)];
        BugResult[] timer = [Result(s_timerTie, ScheduleStrategy.Pct, [5, 5, 5], 1), Result(s_timerTie, ScheduleStrategy.Random, [4, 4, 4], 1)];

        TargetCheck pctBehind = TargetCheck.For(s_depthTwo, ordering, coyote: null);
        TargetCheck tie = TargetCheck.For(s_timerTie, timer, coyote: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pctBehind.Seeds, Is.Null);
            Assert.That(pctBehind.WallTime, Is.Null);
            Assert.That(pctBehind.PctAtMostRandom, Is.False);
            Assert.That(tie.PctAtMostRandom, Is.Null);
        }
    }

    private static BugResult Result(IBug bug, ScheduleStrategy strategy, int?[] seeds, double milliseconds) =>
        new(bug, strategy,
            [.. seeds.Select(s => new SeedSearch(0, s ?? 100, s is null ? null : s.Value - 1, null, TimeSpan.FromMilliseconds(milliseconds)))],
            [.. seeds.Select(_ => (FailureAnalysis?)null)]);

    private static CoyoteResult Coyote(string strategy, int[] iterations, double milliseconds) =>
        new("account", strategy, [.. iterations.Select(i => new CoyoteRange(i, true, TimeSpan.FromMilliseconds(milliseconds), "report"))]);
}
