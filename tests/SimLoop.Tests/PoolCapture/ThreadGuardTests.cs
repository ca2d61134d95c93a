using SimLoop.Tests.Support;

namespace SimLoop.Tests.PoolCapture;

public class ThreadGuardTests
{
    // Runs a program under a seed and reports what it printed, its fingerprint, and the most steps that ever ran
    // at the same time (work on pool threads included): 1 means one thing at a time.
    private static (string Output, string Fingerprint, int MaxConcurrent) Run(ScheduleStrategy strategy, long seed, Func<Action<string>, Task> program)
    {
        var lines = new List<string>();
        int running = 0;
        int maxConcurrent = 0;
        void Print(string line)
        {
            int now = Interlocked.Increment(ref running);
            maxConcurrent = Math.Max(maxConcurrent, now);
            lock (lines)
            {
                lines.Add(line);
            }

            Thread.SpinWait(200);
            Interlocked.Decrement(ref running);
        }

        var sim = new Simulation(new SimulationOptions { Strategy = strategy, Seed = seed });
        sim.Run(() => program(Print));
        return (string.Join("|", lines), sim.Trace.Fingerprint, maxConcurrent);
    }

    // Seeds 0-19, each run twice: the same run both times, one step at a time, and what the program means.
    private static void EachSeedTwice(ScheduleStrategy strategy, Func<Action<string>, Task> program, Action<string, long> verify)
    {
        for (long seed = 0; seed < 20; seed++)
        {
            var first = Run(strategy, seed, program);
            var replay = Run(strategy, seed, program);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(replay, Is.EqualTo(first), $"seed {seed}");
                Assert.That(first.MaxConcurrent, Is.EqualTo(1), $"seed {seed}");
                verify(first.Output, seed);
            }
        }
    }

    private static async Task ConfigureAwaitFalseWorkers(Action<string> print)
    {
        var gate = new TaskCompletionSource();
        using var semaphore = new SemaphoreSlim(1);
        SimTask[] workers = [.. Enumerable.Range(0, 4).Select(i => Sim.Spawn(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            print($"w{i} released");
            await Task.Yield();
            print($"w{i} yielded");
            await semaphore.WaitAsync().ConfigureAwait(false);
            print($"w{i} in semaphore");
            await Task.Yield();
            semaphore.Release();
            print($"w{i} done");
        }, "w" + i))];
        await Sim.Yield();
        gate.SetResult();
        foreach (SimTask worker in workers)
        {
            await worker;
        }
    }

    // Task.Run bodies share a counter without a lock: safe only if each body, and the continuation the pool runs
    // inline after it, runs alone.
    private static async Task TaskRunWorkers(Action<string> print)
    {
        int counter = 0;
        Task[] bodies = [.. Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            int seen = counter;
            print($"t{i} saw {seen}");
            counter = seen + 1;
            await Task.Yield();
            print($"t{i} after yield");
        }).ContinueWith(_ => print($"t{i} continued"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))];
        await Task.WhenAll(bodies);
        print($"counter {counter}");
    }

    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void TaskRun_BodiesAndInlineContinuations_SameSeedSameRun_OneStepAtATime(ScheduleStrategy strategy)
    {
        EachSeedTwice(strategy, TaskRunWorkers, (output, seed) =>
        {
            Assert.That(output, Does.EndWith("counter 4"), $"seed {seed}");
            Assert.That(output.Split('|'), Has.Length.EqualTo(13), $"seed {seed}");
        });
    }

    [Test]
    public void TaskRun_UnderRandom_DifferentSeedsGiveDifferentInterleavings()
    {
        var outputs = Enumerable.Range(0, 20).Select(seed => Run(ScheduleStrategy.Random, seed, TaskRunWorkers).Output);
        Assert.That(outputs.Distinct().Count(), Is.GreaterThan(1));
    }

    [Test]
    public void WorkQueuedWithFlowSuppressed_StillRunsAsAStepOfTheLoop()
    {
        var sim = new Simulation();
        int loopThread = Environment.CurrentManagedThreadId;
        int ranOn = 0;
        TimeSpan seen = TimeSpan.Zero;
        sim.Run(async () =>
        {
            Task work;
            using (ExecutionContext.SuppressFlow())
            {
                work = Task.Run(() =>
                {
                    ranOn = Environment.CurrentManagedThreadId;
                    seen = Sim.Elapsed;
                });
            }

            await Sim.Delay(TimeSpan.FromSeconds(3));
            await work;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ranOn, Is.Not.EqualTo(loopThread).And.Not.Zero);
            Assert.That(seen, Is.EqualTo(TimeSpan.Zero), "the work runs as a step before the clock moves");
            Assert.That(sim.Trace.Select(e => e.Kind), Does.Contain(TraceEventKind.ThreadPoolWork));
        }
    }

    [Test]
    public void ConfigureAwaitFalse_ReleasedByAnotherStep_RunsOnAPoolThread_AsAStepOfTheLoop()
    {
        var sim = new Simulation();
        int loopThread = Environment.CurrentManagedThreadId;
        int ranOn = 0;
        int result = sim.Run(async () =>
        {
            var gate = new TaskCompletionSource<int>();
            SimTask<int> waiter = Sim.Spawn(async () =>
            {
                int value = await gate.Task.ConfigureAwait(false);
                ranOn = Environment.CurrentManagedThreadId;
                return value + 1;
            });
            await Sim.Yield();
            gate.SetResult(41);
            return await waiter;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(ranOn, Is.Not.EqualTo(loopThread));
            Assert.That(sim.Trace.Select(e => e.Kind), Does.Contain(TraceEventKind.ThreadPoolWork));
        }
    }

    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void ConfigureAwaitFalse_TaskYield_Semaphore_SameSeedSameRun_OneStepAtATime(ScheduleStrategy strategy)
    {
        EachSeedTwice(strategy, ConfigureAwaitFalseWorkers, (output, seed) =>
        {
            Assert.That(output.Split('|'), Has.Length.EqualTo(16), $"seed {seed}");
            Assert.That(output, Does.Not.Contain("in semaphore|w").Or.Match(@"^(?!.*in semaphore\|w\d in semaphore)"), $"seed {seed}: two tasks inside the semaphore at once");
        });
    }

    [Test]
    public void ConfigureAwaitFalse_UnderRandom_DifferentSeedsGiveDifferentInterleavings()
    {
        var outputs = Enumerable.Range(0, 20).Select(seed => Run(ScheduleStrategy.Random, seed, ConfigureAwaitFalseWorkers).Output);
        Assert.That(outputs.Distinct().Count(), Is.GreaterThan(1));
    }

    [Test]
    public void ConfigureAwaitFalse_UnderFifo_SameRunWhateverTheSeed_EachWorkerInProgramOrder()
    {
        var runs = Enumerable.Range(0, 10).Select(seed => Run(ScheduleStrategy.Fifo, seed, ConfigureAwaitFalseWorkers)).ToList();
        string[] lines = runs[0].Output.Split('|');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Distinct().Count(), Is.EqualTo(1));
            for (int i = 0; i < 4; i++)
            {
                Assert.That(lines.Where(l => l.StartsWith($"w{i} ", StringComparison.Ordinal)),
                    Is.EqualTo(new[] { "released", "yielded", "in semaphore", "done" }.Select(e => $"w{i} {e}")));
            }
        }
    }

    [Test]
    public void SemaphoreWaitAsync_CancelledByTheTasksToken_ThroughTheBclsPoolHop_StaysUnderControl()
    {
        var sim = new Simulation();
        SimTask? task = null;
        sim.Run(async () =>
        {
            using var never = new SemaphoreSlim(0);
            task = Sim.Spawn(() => never.WaitAsync(Sim.CurrentTask!.CancellationToken));
            await Sim.Delay(TimeSpan.FromSeconds(2));
            task.Cancel();
            await Quietly.Finished(task);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task!.IsCancelled, Is.True);
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }

    // A pool work item may leave the simulation's ExecutionContext and go on working (the BCL's Task.WaitAsync
    // disposes its timer after it resumes the awaiter): the step is the whole item, not its first context switch.
    [Test]
    public void PoolStep_LastsUntilTheWorkItemEnds_NotJustUntilItLeavesTheSimulationsContext()
    {
        for (int run = 0; run < 20; run++)
        {
            var result = Run(ScheduleStrategy.Fifo, run, async print =>
            {
                ExecutionContext simulation = ExecutionContext.Capture()!;
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    ExecutionContext.Run(simulation, _ => print("in context"), null);
                    Thread.SpinWait(100_000); // the loop would print "main" meanwhile if the step had ended
                    print("after context");
                }, null);
                await Sim.Yield();
                print("main");
            });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Output, Is.EqualTo("in context|after context|main"), $"run {run}");
                Assert.That(result.MaxConcurrent, Is.EqualTo(1), $"run {run}");
            }
        }
    }

    // Each pool item waits on the thread that dequeued it; Random wants them in any order, so the pool must start a
    // thread for an item nobody has taken while every other thread holds one (its starvation detection alone adds
    // about two a second, and the loop gives up on an item after 30 s).
    [Test]
    public void ConfigureAwaitFalse_HundredWaitersReleasedAtOnce_UnderRandom_EachRunsAsAStep()
    {
        var sim = new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 7 });
        int resumed = 0;
        sim.Run(async () =>
        {
            var gate = new TaskCompletionSource();
            SimTask[] waiters = [.. Enumerable.Range(0, 100).Select(i => Sim.Spawn(async () =>
            {
                await gate.Task.ConfigureAwait(false);
                resumed++; // not atomic: only safe because the steps run one at a time
            }, "w" + i))];
            await Sim.Delay(TimeSpan.FromSeconds(1)); // every waiter is waiting before the clock moves
            gate.SetResult();
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resumed, Is.EqualTo(100));
            Assert.That(sim.Trace.Count(e => e.Kind == TraceEventKind.ThreadPoolWork), Is.EqualTo(100));
        }
    }

    // Simulations whose loops themselves run on pool threads (Parallel.For, an xUnit test) share the pool with the
    // work they hold: each must still be the same run as when it runs alone.
    [Test]
    public void ParallelSimulationsOnPoolThreads_WithPoolHopsAndTaskRun_SameRunsAsOneAtATime()
    {
        static string RunSeed(long seed)
        {
            var result = Run(ScheduleStrategy.Random, seed, TaskRunWorkers);
            return result.Fingerprint + "|" + result.Output;
        }

        string[] alone = [.. Enumerable.Range(0, 40).Select(seed => RunSeed(seed))];
        var together = new string[alone.Length];
        Parallel.For(0, alone.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, seed => together[seed] = RunSeed(seed));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(together, Is.EqualTo(alone));
            Assert.That(alone.Distinct().Count(), Is.GreaterThan(1), "the seeds should choose differently");
        }
    }

    [Test]
    public void SimApis_WorkOnThePoolThreadHoldingTheBaton()
    {
        var sim = new Simulation();
        TimeSpan inside = sim.Run(async () =>
        {
            var gate = new TaskCompletionSource();
            SimTask<TimeSpan> waiter = Sim.Spawn(async () =>
            {
                await gate.Task.ConfigureAwait(false); // from here on this task runs on a pool thread
                await Sim.Delay(TimeSpan.FromMinutes(5));
                return Sim.Elapsed;
            });
            await Sim.Yield();
            gate.SetResult();
            return await waiter;
        });

        Assert.That(inside, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void RealTimer_WorkNoStepSent_FailsTheRunWithAnEscape()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1)); // a real timer: not the simulation's clock
        }));

        Assert.That(error!.Message, Does.Contain("real timer").And.Contain("sim.Clock"));
    }

    [Test]
    public void ForeignThread_PostingToTheLoop_FailsTheRun()
    {
        var sim = new Simulation();
        Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            SynchronizationContext context = SynchronizationContext.Current!;
            var thread = new Thread(() => context.Post(_ => { }, null));
            using (ExecutionContext.SuppressFlow())
            {
                thread.Start();
            }

            thread.Join();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));
    }

    [Test]
    public void LoopOnlyCode_SendsNothingToThePool()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(1);
            await semaphore.WaitAsync();
            semaphore.Release();
            await Task.Yield();
            await Task.Delay(TimeSpan.FromSeconds(1), sim.Clock).ConfigureAwait(false);
        });

        Assert.That(sim.Trace.Select(e => e.Kind), Does.Not.Contain(TraceEventKind.ThreadPoolWork));
    }
}
