namespace SimLoop.Tests.Tasks;

public class WaitForTests
{
    [Test]
    public void WaitFor_TaskFinishesInTime_ReturnsItsResult()
    {
        var sim = new Simulation();
        int result = sim.Run(async () =>
        {
            SimTask<int> task = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 9;
            });
            return await Sim.WaitFor(task, TimeSpan.FromSeconds(5));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(9));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        }
    }

    [Test]
    public void WaitFor_Timeout_WaitsForTheTasksFinallyBlocks_ThenThrowsTimeout()
    {
        var sim = new Simulation();
        var log = new List<string>();
        TimeoutException? timeout = null;
        sim.Run(async () =>
        {
            SimTask task = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromSeconds(5));
                }
                finally
                {
                    await Sim.Delay(TimeSpan.FromSeconds(2)); // slow cleanup
                    log.Add($"finally done at {Sim.Elapsed.TotalSeconds}");
                }
            }, "b");
            try
            {
                await Sim.WaitFor(task, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException e)
            {
                log.Add($"timeout seen at {Sim.Elapsed.TotalSeconds}");
                timeout = e;
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "finally done at 3", "timeout seen at 3" }));
            Assert.That(timeout!.InnerException, Is.TypeOf<SimCancelledException>());
            Assert.That(((SimCancelledException)timeout.InnerException!).Cause!.ToString(),
                Is.EqualTo("task 'b' cancelled at 00:00:01 by 'main': timeout of 1 s in WaitFor"));
            Assert.That(timeout.Message, Does.Contain("did not finish within 1 s").And.Contain("by 'main'"));
        }
    }

    [Test]
    public void WaitFor_WaiterCancelledFirst_CancelsTheTaskTheSameWay_ThenThrowsCancelled()
    {
        var sim = new Simulation();
        var log = new List<string>();
        SimTask? inner = null;
        sim.Run(async () =>
        {
            inner = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                }
                finally
                {
                    log.Add($"inner finally at {Sim.Elapsed.TotalSeconds}");
                }
            }, "inner");
            SimTask waiter = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.WaitFor(inner, TimeSpan.FromMinutes(1));
                }
                catch (SimCancelledException e)
                {
                    log.Add($"waiter cancelled: {e.Cause!.Reason}");
                }
            }, "waiter");
            await Sim.Delay(TimeSpan.FromSeconds(2));
            waiter.Cancel("shutdown");
            await waiter;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "inner finally at 2", "waiter cancelled: shutdown" }));
            Assert.That(inner!.CancellationCause!.Inner!.Reason, Is.EqualTo("shutdown"));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }

    [Test]
    public void WaitFor_TaskSwallowsTheTimeout_ReturnsItsResult_AsAsyncio()
    {
        var sim = new Simulation();
        int result = sim.Run(async () =>
        {
            SimTask<int> task = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                    return 1;
                }
                catch (SimCancelledException)
                {
                    return -1;
                }
            });
            return await Sim.WaitFor(task, TimeSpan.FromSeconds(1));
        });

        Assert.That(result, Is.EqualTo(-1));
    }

    [Test]
    public void WaitFor_ZeroTimeout_OnAnUnfinishedTask_TimesOutAtOnce()
    {
        var sim = new Simulation();
        Assert.Throws<TimeoutException>(() => sim.Run(async () =>
        {
            SimTask task = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)));
            await Sim.WaitFor(task, TimeSpan.Zero);
        }));
        Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void WaitFor_NegativeTimeout_ThrowsNamingTheArgument()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask task = Sim.Spawn(() => Task.CompletedTask);
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sim.WaitFor(task, TimeSpan.FromSeconds(-1)));
            Assert.That(error!.ParamName, Is.EqualTo("timeout"));
            await task;
        });
    }

    [Test]
    public void RequestChain_CauseChain_NamesTheTimeoutAndEveryTaskItCrossed()
    {
        // The notes' a -> b -> c story with c as its own task: the cancellation reaching c says it came
        // from b being cancelled, which came from a's 1 s timeout.
        var sim = new Simulation();
        CancellationCause? seenByC = null;
        sim.Run(async () =>
        {
            SimTask b = Sim.Spawn(async () =>
            {
                SimTask c = Sim.Spawn(async () =>
                {
                    try
                    {
                        await Sim.Delay(TimeSpan.FromSeconds(5));
                    }
                    catch (SimCancelledException e)
                    {
                        seenByC = e.Cause;
                        throw;
                    }
                }, "c");
                await c;
            }, "b");
            try
            {
                await Sim.WaitFor(b, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
            }
        });

        Assert.That(seenByC!.ToString(), Is.EqualTo(
            "task 'c' cancelled at 00:00:01 by 'b': 'b' was cancelled while awaiting it" +
            " <- task 'b' cancelled at 00:00:01 by 'main': timeout of 1 s in WaitFor"));
    }
}
