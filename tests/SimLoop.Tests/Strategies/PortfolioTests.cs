using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class PortfolioTests
{
    private static string Fingerprint(SimulationOptions options)
    {
        var sim = new Simulation(options);
        sim.Run(FourTasks);
        return sim.Trace.Fingerprint;
    }

    private static async Task FourTasks()
    {
        SimTask[] tasks = [.. Enumerable.Range(0, 4).Select(i => Sim.Spawn(async () =>
        {
            for (int step = 0; step < 3; step++)
            {
                await Sim.Yield();
            }
        }))];
        foreach (SimTask task in tasks)
        {
            await task;
        }
    }

    [TestCase(0, ScheduleStrategy.Random)]
    [TestCase(2, ScheduleStrategy.Pct)]
    [TestCase(3, ScheduleStrategy.Random)]
    [TestCase(-1, ScheduleStrategy.Pct)]
    public void Portfolio_Seed_RunsItsMemberExactly(long seed, ScheduleStrategy member)
    {
        string portfolio = Fingerprint(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Portfolio });

        Assert.That(portfolio, Is.EqualTo(Fingerprint(new SimulationOptions { Seed = seed, Strategy = member, PctDepth = 5 })));
    }

    // The mapping is part of what a seed means: a seed in a regressions file must pick the same member next year.
    [TestCase(0L, "random")]
    [TestCase(1L, "pos")]
    [TestCase(2L, "pct(depth 5)")]
    [TestCase(3L, "random")]
    [TestCase(4L, "pos")]
    [TestCase(3_000_000_002L, "pct(depth 5)")]
    [TestCase(-1L, "pct(depth 5)")]
    [TestCase(-2L, "pos")]
    [TestCase(-3L, "random")]
    [TestCase(long.MinValue, "pos")]
    public void Member_IsFixedByTheSeed(long seed, string member) =>
        Assert.That(Portfolio.Member(seed).Name, Is.EqualTo(member));

    [Test]
    public void Create_PctMember_TakesTheMembersDepth_AndTheGivenSteps()
    {
        var pct = (PctStrategy)Portfolio.Create(2, pctSteps: 9);

        Assert.That((pct.Depth, pct.Horizon), Is.EqualTo((5, 9L)));
    }

    [Test]
    public void Create_PosMember_ChoosesAsPosWithTheSameSeed()
    {
        IScheduleStrategy member = Portfolio.Create(4, new SimulationOptions().PctSteps);
        var alone = new PosStrategy(4);

        Assert.That(Choices(member), Is.EqualTo(Choices(alone)));
    }

    [Test]
    public void Portfolio_PosSeed_ReplaysFromItsRecordedSchedule()
    {
        // A seed's failure is replayed from its recorded schedule; under the Pos member as under the others.
        var options = new SimulationOptions { Seed = 7, Strategy = ScheduleStrategy.Portfolio, RecordSchedule = true };
        Assert.That(options.DescribeStrategy(), Is.EqualTo("portfolio: pos"));
        var recorded = new Simulation(options);
        recorded.Run(FourTasks);
        var replayed = new Simulation(new SimulationOptions { Replay = recorded.Schedule });
        replayed.Run(FourTasks);

        Assert.That(replayed.Trace.Fingerprint, Is.EqualTo(recorded.Trace.Fingerprint));
    }

    // Takes the ready items of a six-item queue one by one, as the strategy chooses, while each taken item posts
    // another until twenty steps have run: the items' order of becoming ready is the same for every strategy.
    private static List<long> Choices(IScheduleStrategy strategy)
    {
        ReadyQueue queue = ReadyItems.Queue(6);
        var taken = new List<long>();
        for (long step = 1; step <= 20; step++)
        {
            taken.Add(queue.RemoveAt(strategy.NextReadyItem(queue, step)).Sequence);
            queue.Enqueue(ReadyItems.Item(6 + step));
        }

        return taken;
    }

    [Test]
    public void Create_RandomMember_ChoosesAsRandomWithTheSameSeed()
    {
        IScheduleStrategy member = Portfolio.Create(3, new SimulationOptions().PctSteps);
        var alone = new RandomStrategy(3);
        ReadyQueue six = ReadyItems.Queue(6);

        Assert.That(Enumerable.Range(1, 20).Select(step => member.NextReadyItem(six, step)),
            Is.EqualTo(Enumerable.Range(1, 20).Select(step => alone.NextReadyItem(six, step))));
    }

    [Test]
    public void Portfolio_SameSeed_SameRun_TenTimesOutOfTen()
    {
        var runs = Enumerable.Range(0, 10)
            .Select(_ => Fingerprint(new SimulationOptions { Seed = 7, Strategy = ScheduleStrategy.Portfolio })).Distinct();

        Assert.That(runs.Count(), Is.EqualTo(1));
    }

    [Test]
    public void Portfolio_PctDepth_DoesNotApply()
    {
        var options = new SimulationOptions { Seed = 2, Strategy = ScheduleStrategy.Portfolio };

        Assert.That(Fingerprint(options with { PctDepth = 1 }), Is.EqualTo(Fingerprint(options)));
    }

    [TestCase(0, "portfolio: random")]
    [TestCase(1, "portfolio: pos")]
    [TestCase(5, "portfolio: pct(depth 5)")]
    public void DescribeStrategy_Portfolio_NamesTheSeedsMember(long seed, string expected) =>
        Assert.That(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Portfolio }.DescribeStrategy(), Is.EqualTo(expected));

    [Test]
    public void DescribeStrategy_OtherStrategies_NameThemselves()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new SimulationOptions().DescribeStrategy(), Is.EqualTo("fifo"));
            Assert.That(new SimulationOptions { Strategy = ScheduleStrategy.Random }.DescribeStrategy(), Is.EqualTo("random"));
            Assert.That(new SimulationOptions { Strategy = ScheduleStrategy.Pct, PctDepth = 4 }.DescribeStrategy(), Is.EqualTo("pct(depth 4)"));
        }
    }
}
