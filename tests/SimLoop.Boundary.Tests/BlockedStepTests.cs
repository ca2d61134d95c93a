using Nito.AsyncEx;

namespace SimLoop.Boundary.Tests;

// A step that waits synchronously for something only a later step can do would hang the run for ever: each of these
// ends in SimulationBlockedException within about MaxStepWallTime, naming the step, its task and where it waited.
#pragma warning disable VSTHRD002, VSTHRD103, CA1849 // blocking on purpose: the run must fail, not hang
public class BlockedStepTests
{
    [Test]
    public void ResultOfASpawnedTask_OnTheLoop_FailsNamingTheStepTaskAndWait()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            SimTask<int> spawned = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 1;
            }, "worker");
            int value = spawned.Completion.Result;
            await Sim.Yield();
            Assert.Fail($"unreachable: {value}");
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>());
        Assert.That(failure!.Message, Does.Contain("step 1 of task 'main' blocked the simulation's thread in a synchronous wait"));
        Assert.That(failure.Message, Does.Contain("It was in Task").And.Contain("Result").And.Contain(nameof(BlockedStepTests)));
        Assert.That(failure.Message, Does.Contain("Await instead of blocking"));
        Assert.That(failure.InnerException, Is.InstanceOf<ThreadInterruptedException>());
    }

    [Test]
    public void WaitOnASpawnedTask_InASpawnedTask_FailsNamingThatTask()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            SimTask never = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "sleeper");
            SimTask waiter = Sim.Spawn(() =>
            {
                never.Completion.Wait();
                return Task.CompletedTask;
            }, "waiter");
            await waiter;
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>());
        Assert.That(failure!.Message, Does.Contain("of task 'waiter' blocked").And.Contain("Wait()"));
    }

    [Test]
    public void VirtualDelayWaitedSynchronously_FailsInsteadOfHanging()
    {
        Exception? failure = HardLimit.Run(() =>
        {
            Task.Delay(TimeSpan.FromSeconds(5), Sim.Clock).Wait();
            return Task.CompletedTask;
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>()
            .With.Message.Contain("'main' blocked the simulation's thread in a synchronous wait"));
    }

    [Test]
    public void SemaphoreSlimWait_ReleasedByAnotherTask_FailsInsteadOfHanging()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            _ = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                semaphore.Release();
            }, "releaser");
            semaphore.Wait();
            await Sim.Yield();
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>()
            .With.Message.Contain("in SemaphoreSlim.Wait()"));
    }

    [Test]
    public void NitoAsyncLockTakenSynchronously_WhileAnotherTaskHoldsIt_FailsInsteadOfHanging()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            var mutex = new AsyncLock();
            SimTask holder = Sim.Spawn(async () =>
            {
                using (await mutex.LockAsync())
                {
                    await Sim.Delay(TimeSpan.FromSeconds(1));
                }
            }, "holder");
            await Sim.Yield();
            await Sim.Yield();
            using (mutex.Lock())
            {
                await Sim.Yield();
            }

            await holder;
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>()
            .With.Message.Contain("'main' blocked").And.Message.Contain("called from AsyncLock.Lock()"));
    }

    [Test]
    public void StepLoopingWithoutAwaiting_IsAbortedAndNamed()
    {
        bool released = false;
        Exception? failure = HardLimit.Run(async () =>
        {
            _ = Sim.Spawn(async () =>
            {
                await Sim.Yield();
                released = true;
            }, "releaser");
            while (!Volatile.Read(ref released))
            {
                // spins: the releaser can never run
            }

            await Sim.Yield();
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>());
        Assert.That(failure!.Message, Does.Contain("step 1 of task 'main' ran for 1 s of wall time")
            .And.Contain("without yielding").And.Contain("await Sim.Yield()"));
        Assert.That(released, Is.False);
    }

    [Test]
    public void TaskRunResult_OnTheLoop_FailsNamingTheWaitingPoolWork()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            int value = Task.Run(() => 1).Result;
            await Sim.Yield();
            Assert.Fail($"unreachable: {value}");
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>());
        Assert.That(failure!.Message, Does.Contain("'main' blocked").And.Contain("work sent to the thread pool at step 1")
            .And.Contain("await it"));
    }

    [Test]
    public void TaskRunBodyBlockingOnAVirtualDelay_FailsInsteadOfHanging()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            await Task.Run(() => Sim.Delay(TimeSpan.FromSeconds(1)).Wait());
        });

        Assert.That(failure, Is.InstanceOf<SimulationBlockedException>()
            .With.Message.Contain("the step running on thread pool thread").And.Message.Contain("did not finish within 1 s"));
    }

    [Test]
    public void BlockedRun_LeavesTheThreadAndTheNextRunHealthy()
    {
        Exception? second = null;
        Exception? sleep = null;
        int value = 0;
        Exception? first = HardLimit.Run(() =>
        {
            try
            {
                new Simulation(new SimulationOptions { MaxStepWallTime = HardLimit.StepLimit }).Run(() =>
                {
                    new TaskCompletionSource().Task.Wait();
                    return Task.CompletedTask;
                });
            }
            catch (SimulationBlockedException)
            {
            }

            try
            {
                Thread.Sleep(50); // no interrupt left pending on this thread
            }
            catch (ThreadInterruptedException exception)
            {
                sleep = exception;
            }

            try
            {
                value = new Simulation().Run(async () =>
                {
                    await Sim.Delay(TimeSpan.FromMinutes(1));
                    return 42;
                });
            }
            catch (Exception exception)
            {
                second = exception;
            }
        });

        Assert.That(first, Is.Null);
        Assert.That(sleep, Is.Null, "an interrupt was left pending on the caller's thread");
        Assert.That(second, Is.Null);
        Assert.That(value, Is.EqualTo(42));
    }

    [Test]
    public void SlowStepWithinTheLimit_Passes()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            Thread.Sleep(200); // slow, but well within the limit
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(failure, Is.Null);
    }

    [Test]
    public void BlockedMessage_IsTheSameOnEveryRunOfASeed()
    {
        string Message() => HardLimit.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(3));
            SimTask sleeper = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "sleeper");
            sleeper.Completion.Wait();
        }, new SimulationOptions { Seed = 7, Strategy = ScheduleStrategy.Random, MaxStepWallTime = HardLimit.StepLimit })!.Message;

        string first = Message();
        string second = Message();

        Assert.That(first, Does.StartWith("The run stopped at step 3"));
        Assert.That(second, Is.EqualTo(first));
    }
}

// A breakpoint may hold a step for as long as it likes: the limit is not applied while a debugger is attached.
[NonParallelizable]
public class BlockedStepUnderDebuggerTests
{
    [Test]
    public void BlockedStep_WhileADebuggerIsAttached_IsNotInterrupted_UntilItIsDetached()
    {
        StepWatch.DebuggerAttached = static () => true;
        try
        {
            Exception? failure = null;
            var run = new Thread(() => failure = HardLimit.Run(() =>
            {
                new TaskCompletionSource().Task.Wait();
                return Task.CompletedTask;
            }));
            run.Start();

            Assert.That(run.Join(HardLimit.StepLimit * 4), Is.False, "the step was interrupted under a debugger");

            StepWatch.DebuggerAttached = static () => false;
            Assert.That(run.Join(HardLimit.Budget), Is.True);
            Assert.That(failure, Is.InstanceOf<SimulationBlockedException>());
        }
        finally
        {
            StepWatch.DebuggerAttached = static () => System.Diagnostics.Debugger.IsAttached;
        }
    }
}
