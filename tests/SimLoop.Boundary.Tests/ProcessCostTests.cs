namespace SimLoop.Boundary.Tests;

// When no simulation runs, SimLoop leaves the process as it found it: the thread-pool listener stops reporting, and the
// pool's thread minimum is the one the process set.
[NonParallelizable]
public class ProcessCostTests
{
    [Test]
    public void Listener_AfterTheLastRun_StopsReporting()
    {
        Assert.That(HardLimit.Run(() => Sim.Delay(TimeSpan.FromSeconds(1))), Is.Null);
        Assert.That(ThreadPoolListener.IsReporting, Is.True, "the listener reports while runs come and go");

        bool stopped = SpinWait.SpinUntil(() => !ThreadPoolListener.IsReporting, HardLimit.Budget);

        Assert.That(stopped, Is.True, "the listener still reports with no simulation running");
        Assert.That(HardLimit.Run(PoolHops), Is.Null, "a run after the listener stopped still captures pool work");
    }

    [Test]
    public void PoolMinimum_RaisedWhileThreadsAreHeld_IsPutBackExactly()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int own = workers + 1;
        ThreadPool.SetMinThreads(own, io);
        try
        {
            Exception? failure = HardLimit.Run(PoolHops, new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 5 });

            Assert.That(failure, Is.Null);
            ThreadPool.GetMinThreads(out int after, out int ioAfter);
            Assert.That((after, ioAfter), Is.EqualTo((own, io)));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    [Test]
    public void PoolMinimum_SetByTheProcessDuringARun_IsKept()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int set = Environment.ProcessorCount + 50;
        try
        {
            Exception? failure = HardLimit.Run(async () =>
            {
                Task[] hops = Hops(20);
                await Sim.Yield();
                ThreadPool.SetMinThreads(set, io);
                await Task.WhenAll(hops);
            }, new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 5 });

            Assert.That(failure, Is.Null);
            ThreadPool.GetMinThreads(out int after, out _);
            Assert.That(after, Is.EqualTo(set));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    // Many ConfigureAwait(false) continuations released at once: each holds a pool thread until its turn.
    private static async Task PoolHops() => await Task.WhenAll(Hops(40));

    private static Task[] Hops(int count)
    {
        var gate = new TaskCompletionSource();
        Task[] hops = [.. Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.Task.ConfigureAwait(false);
            await Task.Yield();
        })];
        Sim.Spawn(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            gate.SetResult();
        }, "opener");
        return hops;
    }
}
