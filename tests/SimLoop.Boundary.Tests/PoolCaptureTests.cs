namespace SimLoop.Boundary.Tests;

// The runtime names a work item in its pool events by the item's hash code, which two live items can share. SimLoop
// must never take one for the other: two such items fail the run loudly, in one simulation or across two.
public class PoolCaptureTests
{
    // Whether the second item is queued before a pool thread has taken the first is up to the pool: if so, the two
    // cannot be told apart and the run fails loudly; if not, each is identified when it is taken and runs as a step.
    // Either way no item runs outside a step of its own simulation while the run passes.
    [Test]
    public void TwoItemsWithEqualHashCodes_RunAsStepsOrFailTheRunLoudly()
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var items = new[] { new FixedHashWorkItem(42), new FixedHashWorkItem(42) };
            Simulation? sim = null;
            Exception? failure = HardLimit.Run(() =>
            {
                sim = new Simulation(new SimulationOptions { MaxStepWallTime = HardLimit.StepLimit });
                sim.Run(async () =>
                {
                    ThreadPool.UnsafeQueueUserWorkItem(items[0], preferLocal: false);
                    ThreadPool.UnsafeQueueUserWorkItem(items[1], preferLocal: false);
                    await Sim.Yield();
                    await Sim.Yield();
                });
            });

            if (failure is not null)
            {
                Assert.That(failure, Is.InstanceOf<SimulationEscapeException>().With.Message.Contain("same id"));
            }
            else
            {
                Assert.That(items.Select(i => i.Ran.Wait(HardLimit.Budget) && i.RanInStepOf == sim), Is.All.True,
                    "the run passed, so both items must have run as its steps");
            }
        }
    }

    [Test]
    public void ItemsWithEqualHashCodes_InTwoSimulations_RunAsStepsOfTheirOwnOrFailLoudly()
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            var items = new[] { new FixedHashWorkItem(42), new FixedHashWorkItem(42) };
            var sims = new Simulation?[2];
            var failures = new Exception?[2];
            using var barrier = new Barrier(2);
            Thread[] threads = [.. Enumerable.Range(0, 2).Select(i => new Thread(() => failures[i] = HardLimit.Run(() =>
            {
                sims[i] = new Simulation(new SimulationOptions { MaxStepWallTime = HardLimit.Budget });
                sims[i]!.Run(async () =>
                {
                    barrier.SignalAndWait();
                    ThreadPool.UnsafeQueueUserWorkItem(items[i], preferLocal: false);
                    await Sim.Yield();
                    await Sim.Yield();
                });
            })))];
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            for (int i = 0; i < 2; i++)
            {
                if (failures[i] is not null)
                {
                    Assert.That(failures[i], Is.InstanceOf<SimulationEscapeException>().With.Message.Contain("same id"));
                }
                else
                {
                    Assert.That(items[i].Ran.Wait(HardLimit.Budget) && items[i].RanInStepOf == sims[i], Is.True,
                        "the run passed, so its item must have run as its own step, not the other simulation's");
                }
            }
        }
    }

    [Test]
    public void ItemsWithDistinctHashCodes_RunAsSteps()
    {
        var ran = new CountdownEvent(2);
        Exception? failure = HardLimit.Run(async () =>
        {
            ThreadPool.UnsafeQueueUserWorkItem(new OwnHashItem(ran), preferLocal: false);
            ThreadPool.UnsafeQueueUserWorkItem(new OwnHashItem(ran), preferLocal: false);
            await Sim.Yield();
            await Sim.Yield();
        });

        Assert.That(failure, Is.Null);
        Assert.That(ran.CurrentCount, Is.Zero, "both items ran as steps of the run");
    }

    private sealed class OwnHashItem(CountdownEvent ran) : IThreadPoolWorkItem
    {
        public void Execute() => ran.Signal();
    }
}
