using global::FsCheck;
using global::FsCheck.Fluent;

namespace SimLoop.Seeds.Tests.FsCheck;

public class SimArbitrariesTests
{
    // Two workers sleep 1 s; main awaits both. Any fault that cancels a worker before it finishes fails main.
    private static async Task Workers(Simulation sim)
    {
        SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "a");
        SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "b");
        await a;
        await b;
    }

    private static string Falsify(Config config)
    {
        Property property = Prop.ForAll(SimArbitraries.SimCases(), c => SimProperty.Check(c, Workers));
        var e = Assert.Catch(() => Check.One(config, property));
        return e.Message;
    }

    [TearDown]
    public void ResetEnvironment() => SimArbitraries.Environment = DemoPrograms.NoEnvironment;

    [SetUp]
    public void NoEnvironment() => SimArbitraries.Environment = DemoPrograms.NoEnvironment;

    [Test]
    public void FailingProperty_Message_HoldsFsCheckReplayAndSimLoopReplayOfTheShrunkCase()
    {
        string message = Falsify(Config.QuickThrowOnFailure.WithMaxTest(200));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Falsifiable").And.Contain("Replay"), "FsCheck's own replay value");
            Assert.That(message, Does.Contain("seed 0, Fifo, faults cancel[0]@0s"), "shrunk to the smallest failing case");
            Assert.That(message, Does.Contain(
                "Replay: SIMLOOP_SEED=0 SIMLOOP_STRATEGY=Fifo SIMLOOP_FAULTS='cancel[0]@0s' dotnet test --filter " +
                "\"FullyQualifiedName~SimArbitrariesTests.FailingProperty_Message_HoldsFsCheckReplayAndSimLoopReplayOfTheShrunkCase\""));
        }
    }

    [Test]
    public void PinnedEnvironment_EveryCaseIsThePinnedOne_AndFailsTheSameWayFirstTime()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(
            ("SIMLOOP_SEED", "77"), ("SIMLOOP_STRATEGY", "Pct"), ("SIMLOOP_FAULTS", "cancel[1]@0.5s"));

        IEnumerable<SimCase> sample = SimArbitraries.SimCases().Generator.Sample(20);
        string message = Falsify(Config.QuickThrowOnFailure.WithMaxTest(50));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample, Has.All.EqualTo(new SimCase(77, ScheduleStrategy.Pct, FaultPlan.Parse("cancel[1]@0.5s"))));
            Assert.That(message, Does.Contain("after 1 test"));
            Assert.That(message, Does.Contain("Seed 77 (strategy Pct, faults cancel[1]@0.5s) failed at step ")
                .And.Contain("virtual time 00:00:01: SimCancelledException: task 'b' cancelled at 00:00:00.5 by the simulation"));
        }
    }

    [Test]
    public void PinnedFaults_Malformed_IsAnErrorNamingTheVariable()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(("SIMLOOP_FAULTS", "cancel[1]"));

        Assert.That(() => SimArbitraries.FaultPlans(),
            Throws.InvalidOperationException.With.Message.StartWith("SIMLOOP_FAULTS='cancel[1]' is not valid"));
    }

    [Test]
    public void Generated_Cases_ArePortfolioRunsOverManySeeds()
    {
        List<SimCase> sample = [.. SimArbitraries.SimCases().Generator.Sample(200)];

        Assert.That(sample.Select(c => c.Strategy), Has.All.EqualTo(ScheduleStrategy.Portfolio));
        Assert.That(sample.Select(c => c.Seed).Distinct().Count(), Is.GreaterThan(150));
        Assert.That(sample.SelectMany(c => c.Faults.Faults), Has.All.Matches<Fault>(f => f!.At <= TimeSpan.FromSeconds(10) && f.Task >= 0));
    }

    [Test]
    public void PassingProperty_DoesNotThrow()
    {
        Property property = Prop.ForAll(SimArbitraries.SimCases(), c => SimProperty.Check(c, _ => Sim.Delay(TimeSpan.FromSeconds(1))));

        Assert.That(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property), Throws.Nothing);
    }
    [Test]
    public void SimCasesWithFaults_Generated_ArePortfolioRunsAndCarryOnlyThoseFaults()
    {
        FaultPlan faults = FaultPlan.Parse("cancel[0]@1s");
        List<SimCase> sample = [.. SimArbitraries.SimCases(faults).Generator.Sample(200)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Select(c => c.Strategy), Has.All.EqualTo(ScheduleStrategy.Portfolio));
            Assert.That(sample.Select(c => c.Seed).Distinct().Count(), Is.GreaterThan(150));
            Assert.That(sample.Select(c => c.Faults), Has.All.EqualTo(faults));
        }
    }

    [Test]
    public void SimCasesWithFaults_PinnedEnvironment_PinsSeedAndStrategyNotFaults()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(
            ("SIMLOOP_SEED", "5"), ("SIMLOOP_STRATEGY", "Random"), ("SIMLOOP_FAULTS", "cancel[1]@0.5s"));

        IEnumerable<SimCase> sample = SimArbitraries.SimCases(FaultPlan.None).Generator.Sample(20);

        Assert.That(sample, Has.All.EqualTo(new SimCase(5, ScheduleStrategy.Random, FaultPlan.None)));
    }

    [Test]
    public void Strategies_ShrinkFromPortfolioToEachSingleStrategy()
    {
        List<ScheduleStrategy> shrinks = [.. SimArbitraries.Strategies().Shrinker(ScheduleStrategy.Portfolio)];

        Assert.That(shrinks, Is.EqualTo(new[] { ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct }));
    }

    [Test]
    public void SimCasesWithFaults_ShrinkTowardsSeedZeroAndFifo()
    {
        var failing = new SimCase(40, ScheduleStrategy.Pct, FaultPlan.None);

        List<SimCase> shrinks = [.. SimArbitraries.SimCases(FaultPlan.None).Shrinker(failing)];

        Assert.That(shrinks, Does.Contain(failing with { Seed = 0 }).And.Contain(failing with { Strategy = ScheduleStrategy.Fifo })
            .And.All.Matches<SimCase>(c => c!.Faults.Equals(FaultPlan.None)));
    }

    [Test]
    public void RegisteredClass_SimCase_StillComesFromSimCasesWithGeneratedFaults()
    {
        // SimCases(FaultPlan) takes a parameter FsCheck cannot supply, so registering the class must not pick it up.
        var seen = new List<SimCase>();
        Property property = Prop.ForAll<SimCase>(c => seen.Add(c));

        Check.One(Config.QuickThrowOnFailure.WithArbitrary([typeof(SimArbitraries)]).WithMaxTest(200), property);

        Assert.That(seen.Count(c => !c.Faults.Faults.IsEmpty), Is.GreaterThan(50));
    }

    [Test]
    public void ReplayLine_PinsSeedStrategyAndFaultsForTheCurrentTest()
    {
        string line = SimProperty.ReplayLine(new SimCase(77, ScheduleStrategy.Pct, FaultPlan.Parse("cancel[1]@0.5s")));

        Assert.That(line, Is.EqualTo("SIMLOOP_SEED=77 SIMLOOP_STRATEGY=Pct SIMLOOP_FAULTS='cancel[1]@0.5s' dotnet test " +
            "--filter \"FullyQualifiedName~SimArbitrariesTests.ReplayLine_PinsSeedStrategyAndFaultsForTheCurrentTest\""));
    }
}
