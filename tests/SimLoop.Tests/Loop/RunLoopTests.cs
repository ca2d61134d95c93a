namespace SimLoop.Tests.Loop;

public class RunLoopTests
{
    private static (List<string> Log, HashSet<int> Threads) RunOnLoop(Func<List<string>, Task> program, ScheduleStrategy strategy = ScheduleStrategy.Fifo)
    {
        var log = new List<string>();
        var threads = new HashSet<int>();
        var sim = new Simulation(new SimulationOptions { Strategy = strategy, Seed = 3 });
        sim.Run(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await program(log);
            threads.Add(Environment.CurrentManagedThreadId);
        });
        return (log, threads);
    }

    [Test]
    public void TaskYield_InterleavesTasksInPostingOrder_UnderFifo()
    {
        var (log, threads) = RunOnLoop(async log =>
        {
            async Task Worker(string name)
            {
                for (int i = 0; i < 3; i++)
                {
                    log.Add(name + i);
                    await Task.Yield();
                }
            }

            SimTask a = Sim.Spawn(() => Worker("a"));
            SimTask b = Sim.Spawn(() => Worker("b"));
            await a;
            await b;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "a0", "b0", "a1", "b1", "a2", "b2" }));
            Assert.That(threads, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void Spawn_NeverRunsTheBodyInline()
    {
        var (log, _) = RunOnLoop(async log =>
        {
            SimTask task = Sim.Spawn(() =>
            {
                log.Add("body");
                return Task.CompletedTask;
            });
            log.Add("after spawn");
            await task;
        });

        Assert.That(log, Is.EqualTo(new[] { "after spawn", "body" }));
    }

    [Test]
    public void SemaphoreSlim_ReleaseFromAnotherTask_ResumesTheWaiterOnTheLoop()
    {
        var (log, threads) = RunOnLoop(async log =>
        {
            using var semaphore = new SemaphoreSlim(0);
            SimTask waiter = Sim.Spawn(async () =>
            {
                await semaphore.WaitAsync();
                log.Add($"acquired at {Sim.Elapsed.TotalSeconds}");
            });
            await Sim.Delay(TimeSpan.FromSeconds(2));
            semaphore.Release();
            await waiter;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "acquired at 2" }));
            Assert.That(threads, Has.Count.EqualTo(1));
        }
    }

    [TestCase(TaskCreationOptions.None)]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void TaskCompletionSource_SetFromAnotherTask_ResumesTheAwaiterOnTheLoop(TaskCreationOptions options)
    {
        var threads = new HashSet<int>();
        var sim = new Simulation();
        int result = sim.Run(async () =>
        {
            var tcs = new TaskCompletionSource<int>(options);
            SimTask<int> waiter = Sim.Spawn(async () =>
            {
                int value = await tcs.Task;
                threads.Add(Environment.CurrentManagedThreadId);
                return value * 2;
            });
            await Sim.Yield();
            _ = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                tcs.SetResult(21);
            });
            return await waiter;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(threads, Is.EquivalentTo(new[] { Environment.CurrentManagedThreadId }));
        }
    }

    [Test]
    public void WhenAllAndWhenAny_OverSimTasks_CompleteOnTheLoop_InVirtualTime()
    {
        var sim = new Simulation();
        var (first, all) = sim.Run(async () =>
        {
            SimTask<int>[] tasks = [.. new[] { 3, 1, 2 }.Select(s => Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(s));
                return s;
            }))];
            Task<int> winner = await Task.WhenAny(tasks.Select(t => t.Completion));
            TimeSpan firstAt = Sim.Elapsed;
            int[] results = await Task.WhenAll(tasks.Select(t => t.Completion));
            return ((await winner, firstAt), (results, Sim.Elapsed));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo((1, TimeSpan.FromSeconds(1))));
            Assert.That(all.results, Is.EqualTo(new[] { 3, 1, 2 }));
            Assert.That(all.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
        }
    }

    [Test]
    public void TaskFactoryStartNew_OnTheSimulationsScheduler_RunsAsAStepOnTheLoop()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            Task queued = Task.Factory.StartNew(() => log.Add($"queued ran on {Environment.CurrentManagedThreadId}"),
                CancellationToken.None, TaskCreationOptions.None, sim.TaskScheduler);
            log.Add("after StartNew");
            await queued;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "after StartNew", $"queued ran on {Environment.CurrentManagedThreadId}" }));
            Assert.That(sim.Trace.Select(e => e.Kind), Does.Contain(TraceEventKind.QueuedTask));
        }
    }

    [Test]
    public void SendOnTheLoopContext_IsRejectedWithAClearMessage()
    {
        var sim = new Simulation();
        var error = Assert.Throws<NotSupportedException>(() => sim.Run(() =>
        {
            SynchronizationContext.Current!.Send(_ => { }, null);
            return Task.CompletedTask;
        }));
        Assert.That(error!.Message, Does.Contain("Send is not supported"));
    }

    [Test]
    public void Run_RestoresTheCallersSynchronizationContext()
    {
        var original = new SynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(original);
        try
        {
            new Simulation().Run(async () => await Sim.Delay(TimeSpan.FromSeconds(1)));
            Assert.That(SynchronizationContext.Current, Is.SameAs(original));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    [Test]
    public void AsyncVoid_ThatThrows_FailsTheRunNamingItsTask()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationException>(() => sim.Run(async () =>
        {
            Fire();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.InnerException, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"));
            Assert.That(error.Message, Does.Contain("task 'main'").And.Contain("async void"));
        }

        static async void Fire()
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }
    }

    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void EveryStrategy_RunsEveryTaskToCompletion_OnOneThread(ScheduleStrategy strategy)
    {
        var (log, threads) = RunOnLoop(async log =>
        {
            SimTask[] tasks = [.. Enumerable.Range(0, 10).Select(i => Sim.Spawn(async () =>
            {
                for (int step = 0; step < 5; step++)
                {
                    await Sim.Yield();
                }

                log.Add("done" + i);
            }))];
            foreach (SimTask task in tasks)
            {
                await task;
            }
        }, strategy);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EquivalentTo(Enumerable.Range(0, 10).Select(i => "done" + i)));
            Assert.That(threads, Has.Count.EqualTo(1));
        }
    }
}
