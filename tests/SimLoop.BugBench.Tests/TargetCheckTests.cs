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

    [Test]
    public void Targets_WhereMissed_SayWhetherAMemberAloneOrCoyotesOwnPctDoesBetter_FromTheRunsNumbers()
    {
        BugResult[] results =
        [
            Result(s_depthTwo, ScheduleStrategy.Portfolio, [4, 4, 4], 1),
            Result(s_depthTwo, ScheduleStrategy.Random, [3, 3, 3], 1),
            Result(s_depthTwo, ScheduleStrategy.Pct, [5, 5, 5], 1),
        ];
        var plan = new BenchmarkPlan([s_depthTwo], [ScheduleStrategy.Portfolio, ScheduleStrategy.Random, ScheduleStrategy.Pct], 3, 100, 1, 1, 10);
        CoyoteResult[] pctBehindRandom = [Coyote("random", [2, 2, 2], 100), Coyote("prioritization", [3, 3, 3], 100)];
        CoyoteResult[] pctAhead = [Coyote("random", [9, 9, 9], 100), Coyote("prioritization", [3, 3, 3], 100)];

        string behind = new ReportWriter(plan, results, pctBehindRandom, "command", TimeSpan.Zero).Targets();
        string ahead = new ReportWriter(plan, results, pctAhead, "command", TimeSpan.Zero).Targets();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(behind, Does.Contain("On 1 of the 1 bugs where it is missed, neither Random nor Pct alone reaches Coyote's best median either")
                .And.Contain("account (Random 3, Pct 5 vs 2 random)"));
            Assert.That(behind, Does.Contain("on 1 of these 1 bugs its prioritization needs more iterations than its random: account (3 vs 2)"));
            Assert.That(ahead, Does.Contain("**missed**").And.Not.Contain("neither Random nor Pct alone"),
                "missed (4 against 3), but Random alone reaches 3");
            Assert.That(ahead, Does.Contain("on 0 of these 1 bugs its prioritization needs more iterations than its random."));
        }
    }

    private static BugResult Result(IBug bug, ScheduleStrategy strategy, int?[] seeds, double milliseconds) =>
        new(bug, strategy,
            [.. seeds.Select(s => new SeedSearch(0, s ?? 100, s is null ? null : s.Value - 1, null, TimeSpan.FromMilliseconds(milliseconds)))],
            [.. seeds.Select(_ => (FailureAnalysis?)null)]);

    private static CoyoteResult Coyote(string strategy, int[] iterations, double milliseconds) =>
        new("account", strategy, [.. iterations.Select(i => new CoyoteRange(i, true, TimeSpan.FromMilliseconds(milliseconds), "report"))]);
}
