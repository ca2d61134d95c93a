namespace SimLoop.Tests.Scheduling;

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
