using SimLoop.Tests.Support;

namespace SimLoop.Tests.Tasks;

public class CancellationTests
{
    [Test]
    public void Cancel_IsARequest_ReturnsAtOnce_TaskSeesItOnALaterStep()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            SimTask worker = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                }
                catch (SimCancelledException)
                {
                    log.Add("worker saw cancellation");
                    throw;
                }
            }, "worker");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            log.Add($"cancel returned {worker.Cancel()}");
            log.Add($"second cancel returned {worker.Cancel()}");
            log.Add($"completed right after cancel: {worker.IsCompleted}");
            try
            {
                await worker;
            }
            catch (SimCancelledException)
            {
                log.Add("main resumed");
            }

            log.Add($"cancel after finish returned {worker.Cancel()}");
        });

        Assert.That(log, Is.EqualTo(new[]
        {
            "cancel returned True", "second cancel returned True", "completed right after cancel: False",
            "worker saw cancellation", "main resumed", "cancel after finish returned False",
        }));
    }

    [Test]
    public void Cancel_BeforeTheFirstStep_TheBodyNeverRuns()
    {
        var sim = new Simulation();
        bool ran = false;
        SimTask? task = null;
        sim.Run(async () =>
        {
            task = Sim.Spawn(() =>
            {
                ran = true;
                return Task.CompletedTask;
            });
            task.Cancel();
            try
            {
                await task;
            }
            catch (SimCancelledException)
            {
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ran, Is.False);
            Assert.That(task!.IsCancelled, Is.True);
            Assert.That(task.CancellationToken.IsCancellationRequested, Is.True);
        }
    }

    [Test]
    public void Cancellation_TravelsFromTheInnermostAwaitOutwards_EachFinallyOnce()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            async Task Level(int depth)
            {
                try
                {
                    if (depth == 3)
                    {
                        await Sim.Delay(TimeSpan.FromHours(1));
                    }
                    else
                    {
                        await Level(depth + 1);
                    }
                }
                catch (SimCancelledException)
                {
                    log.Add("catch " + depth);
                    throw;
                }
                finally
                {
                    log.Add("finally " + depth);
                }
            }

            SimTask task = Sim.Spawn(() => Level(0));
            await Sim.Delay(TimeSpan.FromSeconds(1));
            task.Cancel();
            try
            {
                await task;
            }
            catch (SimCancelledException)
            {
                log.Add("canceller resumed");
            }
        });

        Assert.That(log, Is.EqualTo(new[]
        {
            "catch 3", "finally 3", "catch 2", "finally 2", "catch 1", "finally 1", "catch 0", "finally 0", "canceller resumed",
        }));
    }

    [Test]
    public void Cancellation_IsDeliveredOnce_AWaitInTheHandlerWaitsNormally()
    {
        var sim = new Simulation();
        TimeSpan? cleanupDoneAt = null;
        sim.Run(async () =>
        {
            SimTask task = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                }
                finally
                {
                    await Sim.Delay(TimeSpan.FromSeconds(5)); // cleanup that takes time
                    cleanupDoneAt = Sim.Elapsed;
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
            task.Cancel();
            await Quietly.Finished(task);
        });

        Assert.That(cleanupDoneAt, Is.EqualTo(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void TaskThatSwallowsItsCancellation_FinishesNormally_WithItsResult()
    {
        var sim = new Simulation();
        SimTask<int>? task = null;
        int result = sim.Run(async () =>
        {
            task = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                    return 1;
                }
                catch (SimCancelledException)
                {
                    return 2;
                }
            });
            await Sim.Yield();
            task.Cancel();
            return await Sim.Shield(task);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(2));
            Assert.That(task!.IsCancelled, Is.False);
            Assert.That(task.IsCompleted, Is.True);
        }
    }

    [Test]
    public void CancellingAWaiter_CancelsTheAwaitedTask_AndWaitsForIt()
    {
        var sim = new Simulation();
        var log = new List<string>();
        SimTask? inner = null;
        SimTask? outer = null;
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
                    await Sim.Delay(TimeSpan.FromSeconds(2));
                    log.Add($"inner finally done at {Sim.Elapsed.TotalSeconds}");
                }
            }, "inner");
            outer = Sim.Spawn(async () =>
            {
                try
                {
                    await inner;
                }
                catch (SimCancelledException e)
                {
                    log.Add($"outer caught at {Sim.Elapsed.TotalSeconds}: {e.Cause!.TaskName}");
                    throw;
                }
            }, "outer");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            outer.Cancel("stop");
            try
            {
                await outer;
            }
            catch (SimCancelledException)
            {
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "inner finally done at 3", "outer caught at 3: outer" }));
            Assert.That(inner!.IsCancelled, Is.True);
            Assert.That(inner.CancellationCause!.Inner!.Reason, Is.EqualTo("stop"));
            Assert.That(inner.CancellationCause.RequestedBy, Is.EqualTo("outer"));
        }
    }

    [Test]
    public void Shield_StopsCancellationFromPassingOn_TheShieldedTaskKeepsRunning()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            SimTask<int> inner = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(10));
                return 5;
            }, "inner");
            SimTask outer = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Shield(inner);
                }
                catch (SimCancelledException)
                {
                    log.Add($"outer cancelled at {Sim.Elapsed.TotalSeconds}");
                }
            }, "outer");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            outer.Cancel();
            await outer;
            log.Add($"inner result {await inner} at {Sim.Elapsed.TotalSeconds}");
        });

        Assert.That(log, Is.EqualTo(new[] { "outer cancelled at 1", "inner result 5 at 10" }));
    }

    [Test]
    public void SimYield_SeesAPendingCancellation()
    {
        var sim = new Simulation();
        int yields = 0;
        SimTask? task = null;
        sim.Run(async () =>
        {
            task = Sim.Spawn(async () =>
            {
                while (true)
                {
                    await Sim.Yield();
                    yields++;
                }
            });
            await Sim.Yield();
            await Sim.Yield();
            task.Cancel();
            await Quietly.Finished(task);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task!.IsCancelled, Is.True);
            Assert.That(yields, Is.EqualTo(1));
        }
    }

    [Test]
    public void CancellationToken_OfATaskBlockedInADotNetWait_CancelsThatWait_Once()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            var never = new TaskCompletionSource();
            SimTask task = Sim.Spawn(async () =>
            {
                try
                {
                    await never.Task.WaitAsync(Sim.CurrentTask!.CancellationToken);
                }
                catch (OperationCanceledException e)
                {
                    log.Add(e.GetType().Name);
                }

                await Sim.Delay(TimeSpan.FromSeconds(1)); // delivered once: this waits normally
                log.Add($"after cleanup at {Sim.Elapsed.TotalSeconds}");
            });
            await Sim.Delay(TimeSpan.FromSeconds(2));
            task.Cancel();
            await task;
        });

        Assert.That(log, Is.EqualTo(new[] { "TaskCanceledException", "after cleanup at 3" }));
    }

    [Test]
    public void SimDelay_WithACancelledToken_ThrowsSimCancelled()
    {
        var sim = new Simulation();
        Exception? caught = null;
        sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            try
            {
                await Sim.Delay(TimeSpan.FromSeconds(1), cts.Token);
            }
            catch (SimCancelledException e)
            {
                caught = e;
            }
        });

        Assert.That(caught, Is.TypeOf<SimCancelledException>().With.Property("Cause").Not.Null);
    }

    [Test]
    public void CancelAll_CancelsEveryPendingTask_AndReturnsHowMany()
    {
        var sim = new Simulation();
        int cancelled = -1;
        var tasks = new List<SimTask>();
        sim.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                tasks.Add(Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1))));
            }

            await Sim.Yield();
            sim.At(TimeSpan.FromSeconds(3), () => cancelled = sim.CancelAll("ctrl+c"));
            foreach (SimTask task in tasks)
            {
                await Quietly.Finished(task);
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled, Is.EqualTo(4)); // the three workers and main
            Assert.That(tasks.Select(t => t.CancellationCause!.Reason), Is.All.EqualTo("ctrl+c"));
            Assert.That(tasks.Select(t => t.CancellationCause!.RequestedBy), Is.All.Null);
        }
    }
}

// Passing the task's own token to Sim.Delay (as CA2016 asks) must not hide why the task was cancelled.
public class DelayWithOwnTokenTests
{
    [Test]
    public void Delay_GivenTheTasksOwnToken_ReportsTheTasksCancellationCause()
    {
        CancellationCause? seen = null;
        new Simulation().Run(async () =>
        {
            SimTask worker = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1), Sim.CurrentTask!.CancellationToken);
                }
                catch (SimCancelledException cancelled)
                {
                    seen = cancelled.Cause;
                    throw;
                }
            }, "worker");
            await Sim.Delay(TimeSpan.FromSeconds(2));
            worker.Cancel("the caller gave up");
            try
            {
                await worker;
            }
            catch (SimCancelledException)
            {
            }
        });

        Assert.That(seen, Is.Not.Null);
        Assert.That((seen!.Reason, seen.RequestedBy, seen.At), Is.EqualTo(("the caller gave up", "main", TimeSpan.FromSeconds(2))));
    }

    [Test]
    public void Delay_GivenAnotherToken_SaysThatTokenWasCancelled()
    {
        CancellationCause? seen = null;
        new Simulation().Run(async () =>
        {
            using var source = new CancellationTokenSource(TimeSpan.FromSeconds(1), Sim.Clock);
            try
            {
                await Sim.Delay(TimeSpan.FromHours(1), source.Token);
            }
            catch (SimCancelledException cancelled)
            {
                seen = cancelled.Cause;
            }
        });

        Assert.That(seen?.Reason, Is.EqualTo("the CancellationToken passed to Sim.Delay was cancelled"));
    }
}
