namespace SimLoop.Tests.Strategies;

public class ScheduleStrategyTests
{
    private static (string Order, string Fingerprint) Race(ScheduleStrategy strategy, long seed)
    {
        var sim = new Simulation(new SimulationOptions { Strategy = strategy, Seed = seed });
        var order = new List<int>();
        sim.Run(async () =>
        {
            SimTask[] tasks = [.. Enumerable.Range(0, 4).Select(i => Sim.Spawn(async () =>
            {
                for (int step = 0; step < 3; step++)
                {
                    order.Add(i);
                    await Sim.Yield();
                }
            }))];
            foreach (SimTask task in tasks)
            {
                await task;
            }
        });
        return (string.Concat(order), sim.Trace.Fingerprint);
    }

    [Test]
    public void Fifo_IsRoundRobinInPostingOrder_WhateverTheSeed()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Race(ScheduleStrategy.Fifo, 1).Order, Is.EqualTo("012301230123"));
            Assert.That(Race(ScheduleStrategy.Fifo, 99), Is.EqualTo(Race(ScheduleStrategy.Fifo, 1)));
        }
    }

    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void SameSeed_SameInterleaving_TenTimesOutOfTen(ScheduleStrategy strategy)
    {
        var runs = Enumerable.Range(0, 10).Select(_ => Race(strategy, 12345)).Distinct().ToList();
        Assert.That(runs, Has.Count.EqualTo(1));
    }

    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void DifferentSeeds_ManyInterleavings(ScheduleStrategy strategy)
    {
        var orders = Enumerable.Range(0, 40).Select(seed => Race(strategy, seed)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(orders.Select(o => o.Order).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
            Assert.That(orders.Select(o => o.Fingerprint).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
        }
    }

    [Test]
    public void Pct_RunsTheHighestPriorityTaskUntilItBlocks()
    {
        // Without change points in the first steps, Pct keeps running one task while it stays ready: most
        // seeds produce long runs of one task, unlike Random, which switches almost every step.
        static int Switches(string order) => order.Zip(order.Skip(1)).Count(p => p.First != p.Second);
        double pct = Enumerable.Range(0, 30).Average(seed => Switches(Race(ScheduleStrategy.Pct, seed).Order));
        double random = Enumerable.Range(0, 30).Average(seed => Switches(Race(ScheduleStrategy.Random, seed).Order));
        Assert.That(pct, Is.LessThan(random));
    }
}
