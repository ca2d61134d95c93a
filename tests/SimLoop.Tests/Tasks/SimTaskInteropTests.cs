namespace SimLoop.Tests.Tasks;

// SimTasks in the BCL's combinators: Task.WhenAll, Task.WhenAny and WaitAsync take them as they are.
public class SimTaskInteropTests
{
    [Test]
    public void WhenAll_TwoSimTasks_CompletesAtTheLaterTaskInVirtualTime()
    {
        var sim = new Simulation();
        TimeSpan done = sim.Run(async () =>
        {
            SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "a");
            SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(3)), "b");
            await Task.WhenAll(a, b);
            return Sim.Elapsed;
        });

        Assert.That(done, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void WhenAllTyped_TwoSimTasks_ReturnsTheResultsInOrder()
    {
        int[] results = new Simulation().Run(async () =>
        {
            SimTask<int> slow = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                return 2;
            }, "slow");
            SimTask<int> fast = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 1;
            }, "fast");
            return await Task.WhenAll<int>(slow, fast);
        });

        Assert.That(results, Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void WhenAny_TwoSimTasks_ReturnsTheFirstToFinish()
    {
        string winner = new Simulation().Run(async () =>
        {
            SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(5)), "a");
            SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "b");
            Task first = await Task.WhenAny(a, b);
            a.Cancel();
            return first == b.ToTask() ? "b" : first == a.ToTask() ? "a" : "neither";
        });

        Assert.That(winner, Is.EqualTo("b"));
    }

    [Test]
    public void WaitAsync_WithTheSimulationsClock_TimesOutInVirtualTime_AndLeavesTheTaskRunning()
    {
        var sim = new Simulation();
        (string outcome, bool stillRunning, TimeSpan at) = sim.Run(async () =>
        {
            SimTask<int> slow = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromMinutes(1));
                return 1;
            }, "slow");
            try
            {
                await slow.WaitAsync(TimeSpan.FromSeconds(10), Sim.Clock);
                return ("finished", false, Sim.Elapsed);
            }
            catch (TimeoutException)
            {
                return ("timed out", !slow.IsCompleted, Sim.Elapsed);
            }
        });

        Assert.That((outcome, stillRunning, at), Is.EqualTo(("timed out", true, TimeSpan.FromSeconds(10))));
    }

    [Test]
    public void WaitAsync_TaskFinishesFirst_ReturnsItsResult()
    {
        int result = new Simulation().Run(async () =>
        {
            SimTask<int> quick = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 7;
            }, "quick");
            return await quick.WaitAsync(TimeSpan.FromSeconds(10), Sim.Clock);
        });

        Assert.That(result, Is.EqualTo(7));
    }

    [Test]
    public void Conversion_NullTask_ThrowsNamingTheArgument()
    {
        SimTask? none = null;

        Assert.That(() => { Task _ = none!; }, Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
    }

    [Test]
    public void WaitAsync_NullClock_ThrowsNamingTheArgument()
    {
        Exception? thrown = null;
        new Simulation().Run(async () =>
        {
            SimTask task = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "t");
            try
            {
                _ = task.WaitAsync(TimeSpan.FromSeconds(1), null!);
            }
            catch (ArgumentNullException exception)
            {
                thrown = exception;
            }

            await task;
        });

        Assert.That(thrown, Is.InstanceOf<ArgumentNullException>().With.Property("ParamName").EqualTo("timeProvider"));
    }
}
