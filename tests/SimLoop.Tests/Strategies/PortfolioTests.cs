using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class PortfolioTests
{
    private static string Fingerprint(SimulationOptions options)
    {
        var sim = new Simulation(options);
        sim.Run(async () =>
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
        });
        return sim.Trace.Fingerprint;
    }

    [TestCase(0, ScheduleStrategy.Random, 3)]
    [TestCase(1, ScheduleStrategy.Pct, 2)]
    [TestCase(2, ScheduleStrategy.Pct, 3)]
    [TestCase(3, ScheduleStrategy.Random, 3)]
    [TestCase(-1, ScheduleStrategy.Pct, 3)]
    public void Portfolio_Seed_RunsItsMemberExactly(long seed, ScheduleStrategy member, int depth)
    {
        string portfolio = Fingerprint(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Portfolio });

        Assert.That(portfolio, Is.EqualTo(Fingerprint(new SimulationOptions { Seed = seed, Strategy = member, PctDepth = depth })));
    }

    // The mapping is part of what a seed means: a seed in a regressions file must pick the same member next year.
    [TestCase(0L, ScheduleStrategy.Random, 0)]
    [TestCase(1L, ScheduleStrategy.Pct, 2)]
    [TestCase(2L, ScheduleStrategy.Pct, 3)]
    [TestCase(3L, ScheduleStrategy.Random, 0)]
    [TestCase(4L, ScheduleStrategy.Pct, 2)]
    [TestCase(3_000_000_002L, ScheduleStrategy.Pct, 3)]
    [TestCase(-1L, ScheduleStrategy.Pct, 3)]
    [TestCase(-2L, ScheduleStrategy.Pct, 2)]
    [TestCase(-3L, ScheduleStrategy.Random, 0)]
    [TestCase(long.MinValue, ScheduleStrategy.Pct, 2)]
    public void Member_IsFixedByTheSeed(long seed, ScheduleStrategy strategy, int depth) =>
        Assert.That(Portfolio.Member(seed), Is.EqualTo((strategy, depth)));

    [Test]
    public void Create_PctMember_TakesTheMembersDepth_AndTheGivenSteps()
    {
        var pct = (PctStrategy)Portfolio.Create(2, pctSteps: 9);

        Assert.That((pct.Depth, pct.Horizon), Is.EqualTo((3, 9L)));
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
    [TestCase(1, "portfolio: pct(depth 2)")]
    [TestCase(5, "portfolio: pct(depth 3)")]
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
