using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class PctStrategyTests
{
    // Two tasks, each appending its letter over three steps: the orders Pct produces over many seeds.
    private static HashSet<string> Orders(int depth, int steps, int seeds = 200)
    {
        var orders = new HashSet<string>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Pct, PctDepth = depth, PctSteps = steps });
            var order = new System.Text.StringBuilder();
            sim.Run(async () =>
            {
                SimTask a = Sim.Spawn(async () => { for (int i = 0; i < 3; i++) { order.Append('a'); await Sim.Yield(); } }, "a");
                SimTask b = Sim.Spawn(async () => { for (int i = 0; i < 3; i++) { order.Append('b'); await Sim.Yield(); } }, "b");
                await a;
                await b;
            });
            orders.Add(order.ToString());
        }

        return orders;
    }

    [Test]
    public void DepthOne_NoChangePoint_EachTaskRunsToTheEndInTurn() =>
        Assert.That(Orders(depth: 1, steps: 0), Is.EquivalentTo(new[] { "aaabbb", "bbbaaa" }));

    [Test]
    public void DepthTwo_OneChangePoint_SwitchesTasksOnceAtMost()
    {
        HashSet<string> orders = Orders(depth: 2, steps: 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orders, Does.Contain("abbbaa").Or.Contain("baaabb"), "a change point within the run");
            Assert.That(orders.Select(o => Enumerable.Range(1, o.Length - 1).Count(i => o[i] != o[i - 1])), Has.All.LessThanOrEqualTo(2));
        }
    }

    [Test]
    public void StepsGiven_ChangePointsWithinThem_EveryPlaceReachedOverSeeds()
    {
        // With PctSteps = 3 the one change point falls on one of the first three choices, each reached by some seed.
        HashSet<string> orders = Orders(depth: 2, steps: 3);

        Assert.That(orders, Has.Count.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void TasksSpawnedLater_GetPrioritiesToo_AndCanRunFirst()
    {
        int laterFirst = 0;
        for (int seed = 0; seed < 50; seed++)
        {
            var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Pct, PctDepth = 1 });
            string first = "";
            sim.Run(async () =>
            {
                SimTask a = Sim.Spawn(async () => { await Sim.Yield(); first = first.Length == 0 ? "a" : first; }, "a");
                await Sim.Yield();
                SimTask late = Sim.Spawn(async () => { first = first.Length == 0 ? "late" : first; await Task.CompletedTask; }, "late");
                await a;
                await late;
            });
            laterFirst += first == "late" ? 1 : 0;
        }

        Assert.That(laterFirst, Is.InRange(1, 49));
    }

    // The horizon a seed draws when PctSteps is not given (4 << k with probability 2^-(k+1), from stream 3), as an
    // independent implementation of the generator computes it: part of what a seed means.
    [TestCase(0L, 4L)]
    [TestCase(1L, 32L)]
    [TestCase(3L, 16L)]
    [TestCase(5L, 8L)]
    [TestCase(7L, 4L)]
    public void Horizon_NotGiven_IsDrawnFromTheSeed(long seed, long horizon) =>
        Assert.That(new PctStrategy(seed).Horizon, Is.EqualTo(horizon));

    [Test]
    public void ChangePoints_FollowTheSeed_FromOneToDepthMinusOne_EveryCountReached()
    {
        int[] counts = [.. Enumerable.Range(0, 400).Select(seed => new PctStrategy(seed, depth: 5, steps: 50).ChangePoints)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts, Has.All.InRange(1, 4), "never more than depth - 1, never none");
            Assert.That(counts.Distinct().Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }), "every count in 1..depth - 1 over the seeds");
            Assert.That(Enumerable.Range(0, 400).Select(seed => new PctStrategy(seed, depth: 5, steps: 50).ChangePoints), Is.EqualTo(counts),
                "the same seed, the same count");
        }
    }

    // With the horizon given, the count is the first draw of the seed's stream 3, uniform in 1..depth - 1, as an
    // independent use of the generator computes it: part of what a seed means.
    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(17L)]
    [TestCase(-5L)]
    public void ChangePoints_HorizonGiven_AreTheSeedsFirstDraw(long seed) =>
        Assert.That(new PctStrategy(seed, depth: 4, steps: 30).ChangePoints, Is.EqualTo(1 + new Prng(seed, stream: 3).NextInt32(3)));

    [TestCase(1, 0)]
    [TestCase(2, 1)]
    public void ChangePoints_DepthOneOrTwo_AreFixed(int depth, int changePoints) =>
        Assert.That(Enumerable.Range(0, 50).Select(seed => new PctStrategy(seed, depth, steps: 20).ChangePoints), Has.All.EqualTo(changePoints));

    [Test]
    public void ChangePoints_NeverMoreThanTheHorizon() =>
        Assert.That(Enumerable.Range(0, 100).Select(seed => new PctStrategy(seed, depth: 8, steps: 2).ChangePoints), Has.All.InRange(1, 2));

    [Test]
    public void Horizon_Given_IsTheStepsGiven_AndDepthIsKept()
    {
        var pct = new PctStrategy(seed: 1, depth: 5, steps: 12);

        Assert.That((pct.Horizon, pct.Depth), Is.EqualTo((12L, 5)));
    }

    [Test]
    public void NextReadyItem_WorkOfNoTask_RunsOldestFirst_WhereverItSits()
    {
        // Items 2, 3, 4, 1, 6: taking the newest moved the oldest to index 3. Work of no task (sim.At actions) has
        // the highest priority, and ties go to the oldest.
        ReadyQueue queue = ReadyItems.Queue(5);
        queue.RemoveAt(4);
        queue.Enqueue(ReadyItems.Item(6));
        var pct = new PctStrategy(seed: 0, depth: 1);

        var taken = new List<long>();
        for (long step = 1; queue.Count > 0; step++)
        {
            taken.Add(queue.RemoveAt(pct.NextReadyItem(queue, step)).Sequence);
        }

        Assert.That(taken, Is.EqualTo(new long[] { 1, 2, 3, 4, 6 }));
    }

    [Test]
    public void Constructor_DepthBelowOne_OrNegativeSteps_IsAnInvariantFailure()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new PctStrategy(0, depth: 0), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("depth is at least 1"));
            Assert.That(() => new PctStrategy(0, steps: -1), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("not negative"));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void PctDepth_BelowOne_IsRejected(int depth) =>
        Assert.That(() => new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Pct, PctDepth = depth }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("PctDepth must be at least 1"));

    [Test]
    public void PctSteps_Negative_IsRejected() =>
        Assert.That(() => new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Pct, PctSteps = -1 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("PctSteps must be 0"));
}
