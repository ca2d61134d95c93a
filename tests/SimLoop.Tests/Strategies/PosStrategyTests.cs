using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class PosStrategyTests
{
    [Test]
    public void NextReadyItem_RunsTheItemWithTheHighestPriority_DrawnAsItBecameReady()
    {
        // Priorities come from the seed's stream 4, one per item in the order the items became ready.
        var draws = new Prng(11, stream: 4);
        long[] priorities = [.. Enumerable.Range(0, 5).Select(_ => (long)(draws.NextUInt64() >> 1))];
        ReadyQueue queue = ReadyItems.Queue(5);
        var pos = new PosStrategy(11);

        var taken = new List<long>();
        for (long step = 1; queue.Count > 0; step++)
        {
            taken.Add(queue.RemoveAt(pos.NextReadyItem(queue, step)).Sequence);
        }

        Assert.That(taken, Is.EqualTo(Enumerable.Range(1, 5).OrderByDescending(i => priorities[i - 1]).Select(i => (long)i)));
    }

    [Test]
    public void TwoReadyTogether_GoEitherWay_AboutHalfTheSeeds()
    {
        int aFirst = Enumerable.Range(0, 400).Count(seed => Order(ScheduleStrategy.Portfolio, PosSeed(seed), aSteps: 1)[0] == 'a');

        Assert.That(aFirst, Is.InRange(150, 250));
    }

    [Test]
    public void OneTaskRunsManyStepsInARow_FarMoreOftenThanUnderRandom()
    {
        // b is ready throughout while a takes 9 steps; b last needs a to win 9 choices in a row: about 1 in 10 runs
        // under Pos (a's fresh priority beats b's ever lower one), 1 in 2^9 under a uniform pick.
        int PosRuns() => Enumerable.Range(0, 300).Count(seed => Order(ScheduleStrategy.Portfolio, PosSeed(seed), aSteps: 9).EndsWith('b'));
        int RandomRuns() => Enumerable.Range(0, 300).Count(seed => Order(ScheduleStrategy.Random, seed, aSteps: 9).EndsWith('b'));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PosRuns(), Is.GreaterThanOrEqualTo(12));
            Assert.That(RandomRuns(), Is.LessThanOrEqualTo(3));
        }
    }

    [Test]
    public void SameSeed_SameRun()
    {
        string[] runs = [.. Enumerable.Range(0, 5).Select(_ => Order(ScheduleStrategy.Portfolio, PosSeed(3), aSteps: 6))];

        Assert.That(runs.Distinct().Count(), Is.EqualTo(1));
    }

    // The portfolio's seeds that run Pos: the strategy is reached through them.
    private static long PosSeed(int index)
    {
        long seed = (3L * index) + 1;
        Assert.That(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Portfolio }.DescribeStrategy(), Is.EqualTo("portfolio: pos"));
        return seed;
    }

    // Task a appends its letter over aSteps steps, task b once: the order the letters landed in.
    private static string Order(ScheduleStrategy strategy, long seed, int aSteps)
    {
        var order = new System.Text.StringBuilder();
        new Simulation(new SimulationOptions { Seed = seed, Strategy = strategy }).Run(async () =>
        {
            SimTask a = Sim.Spawn(async () =>
            {
                for (int i = 0; i < aSteps; i++)
                {
                    await Sim.Yield();
                    order.Append('a');
                }
            }, "a");
            SimTask b = Sim.Spawn(async () =>
            {
                await Sim.Yield();
                order.Append('b');
            }, "b");
            await a;
            await b;
        });
        return order.ToString();
    }
}
