namespace SimLoop.BugBench.Tests;

// The benchmark's bugs, run the way docs/bug-benchmark.md measures them but on one seed range: each must be silent in
// Fifo order (so finding it takes exploration), found by the default portfolio within a modest budget and replay
// exactly from its recorded schedule; the smaller ones, found by Pct, also minimize to at most three departures from
// Fifo that still fail the same way.
public class BugFindingTests
{
    private const int PctSeeds = 2_000;
    private const int PortfolioSeeds = 2_000;
    private const int Replays = 3;

    private static readonly string[] s_small =
    [
        "account", "reorder", "twostage", "wronglock", "lock-order", "bounded-queue", "lost-wakeup", "check-then-act",
        "two-await-atomicity", "use-after-dispose", "timeout-retry", "lazy-init", "lease-expiry", "cleanup-token",
        "cancel-rollback",
    ];

    private static IEnumerable<TestCaseData> SmallBugs() => s_small.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    private static IEnumerable<TestCaseData> AllBugs() =>
        BugCatalog.All.Select(bug => new TestCaseData(bug.Name).SetArgDisplayNames(bug.Name));

    [TestCaseSource(nameof(AllBugs))]
    public void Bug_InFifoOrder_IsSilent(string name)
    {
        IBug bug = BugCatalog.Find(name);

        (_, Exception? error) = BugRun.Once(bug, new SimulationOptions());

        Assert.That(error, Is.Null, $"{name} fails in Fifo order: finding it would need no exploration.");
    }

    [TestCaseSource(nameof(AllBugs))]
    public void Bug_UnderPortfolio_IsFoundAndReplaysExactly(string name)
    {
        IBug bug = BugCatalog.Find(name);

        SeedSearch search = SeedSearch.Run(bug, ScheduleStrategy.Portfolio, firstSeed: 0, cap: PortfolioSeeds);
        Assert.That(search.FailingSeed, Is.Not.Null, $"the portfolio did not find {name} in {PortfolioSeeds} seeds.");
        FailureAnalysis failure = FailureAnalysis.Examine(bug, ScheduleStrategy.Portfolio, search.FailingSeed!.Value, Replays, minimize: false, search.FailingPctSteps);
        TestContext.Out.WriteLine($"seed {failure.Seed} after {search.SeedsRun} seeds: {failure.Failure}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(search.Anomaly, Is.Null, "a run ended with an exception other than the bug's");
            Assert.That(failure.Anomaly, Is.Null);
            Assert.That(failure.Failure, Does.StartWith(bug.Failure.Name + ":"), "the rerun of the failing seed fails as the bug does");
            Assert.That(failure.Replays, Is.EqualTo(Replays), "replays that failed with the same type and message");
        }
    }

    [TestCaseSource(nameof(SmallBugs))]
    public void Bug_UnderPct_IsFoundReplaysExactlyAndMinimizesToAFewDepartures(string name)
    {
        IBug bug = BugCatalog.Find(name);

        SeedSearch search = SeedSearch.Run(bug, ScheduleStrategy.Pct, firstSeed: 0, cap: PctSeeds);
        Assert.That(search.FailingSeed, Is.Not.Null, $"Pct did not find {name} in {PctSeeds} seeds.");
        FailureAnalysis failure = FailureAnalysis.Examine(bug, ScheduleStrategy.Pct, search.FailingSeed!.Value, Replays, minimize: true, search.FailingPctSteps);
        TestContext.Out.WriteLine($"seed {failure.Seed} after {search.SeedsRun} seeds: {failure.Failure}");
        TestContext.Out.WriteLine(failure.Minimized?.Explain());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(search.Anomaly, Is.Null, "a run ended with an exception other than the bug's");
            Assert.That(failure.Anomaly, Is.Null);
            Assert.That(failure.Replays, Is.EqualTo(Replays), "replays that failed with the same type and message");
            Assert.That(failure.Minimized, Is.Not.Null);
            Assert.That(failure.Minimized?.Departures, Has.Count.InRange(1, 3), "departures from Fifo left after minimization");
            Assert.That(failure.MinimizedReplays, Is.True, "the minimized schedule replays to the bug's failure");
        }
    }

    [Test]
    public void EveryBug_HasACoyotePortBesideIt()
    {
        string root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "SimLoop.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("SimLoop.sln not found above the test directory.");
        }

        string bugs = Path.Combine(root, "tests", "SimLoop.BugBench", "Bugs");
        string ports = Path.Combine(root, "tests", "SimLoop.BugBench.Coyote", "Ports");
        List<string> missing = [.. Directory.EnumerateFiles(bugs, "*Bug.cs")
            .Select(file => Path.GetFileName(file)[..^"Bug.cs".Length])
            .Where(name => !File.Exists(Path.Combine(ports, name + "Port.cs")))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.EnumerateFiles(bugs, "*Bug.cs").Count(), Is.EqualTo(BugCatalog.All.Count + BugCatalog.Blocked.Count));
            Assert.That(missing, Is.Empty, "bugs without a port in tests/SimLoop.BugBench.Coyote/Ports");
        }
    }

    [Test]
    public void SeedSearch_SilentBug_RunsEverySeedAndFindsNothing()
    {
        var silent = new SilentBug();

        SeedSearch search = SeedSearch.Run(silent, ScheduleStrategy.Random, firstSeed: 0, cap: 50);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(search.FailingSeed, Is.Null);
            Assert.That(search.SeedsRun, Is.EqualTo(50));
            Assert.That(silent.Runs, Is.EqualTo(50));
        }
    }

    private sealed class SilentBug : IBug
    {
        public int Runs { get; private set; }

        public string Name => "silent";

        public string Description => "Two tasks that share nothing.";

        public string Origin => "test";

        public Type Failure => typeof(InvalidOperationException);

        public int Depth => 0;

        public async Task Run()
        {
            Runs++;
            SimTask a = Sim.Spawn(async () => await Task.Yield(), "a");
            SimTask b = Sim.Spawn(async () => await Task.Yield(), "b");
            await a;
            await b;
        }
    }
}
