namespace SimLoop.Tests.PoolCapture;

// The pool's minimum is process state: each test sets a known minimum first and puts the process's own back after.
[NonParallelizable]
public class PoolReserveTests
{
    private static readonly int Spare = Environment.ProcessorCount;
    private int _ownWorkers;
    private int _ownIo;

    private static int MinWorkers()
    {
        ThreadPool.GetMinThreads(out int workers, out _);
        return workers;
    }

    [SetUp]
    public void SetKnownMinimum()
    {
        ThreadPool.GetMinThreads(out _ownWorkers, out _ownIo);
        Assert.That(ThreadPool.SetMinThreads(Spare, _ownIo), Is.True);
    }

    [TearDown]
    public void PutBackTheProcessMinimum() => ThreadPool.SetMinThreads(_ownWorkers, _ownIo);

    [Test]
    public void Hold_RaisesTheMinimumAboveTheHeldThreads_AndTheLastReleasePutsItBack()
    {
        var seen = new List<int>();
        PoolReserve.Hold();
        seen.Add(MinWorkers());
        PoolReserve.Hold();
        seen.Add(MinWorkers());
        PoolReserve.Release();
        seen.Add(MinWorkers());
        PoolReserve.Release();
        seen.Add(MinWorkers());

        Assert.That(seen, Is.EqualTo(new[] { Spare + 1, Spare + 2, Spare + 2, Spare }));
    }

    [Test]
    public void Release_AfterTheProcessSetItsOwnMinimum_KeepsThatMinimum()
    {
        PoolReserve.Hold();
        ThreadPool.SetMinThreads(Spare + 50, _ownIo);
        PoolReserve.Release();

        Assert.That(MinWorkers(), Is.EqualTo(Spare + 50));
    }

    [Test]
    public void Hold_UnderAHigherMinimum_LeavesIt_AndReleaseLeavesItToo()
    {
        ThreadPool.SetMinThreads(Spare + 100, _ownIo);
        PoolReserve.Hold();
        int held = MinWorkers();
        PoolReserve.Release();

        Assert.That((held, MinWorkers()), Is.EqualTo((Spare + 100, Spare + 100)));
    }

    [Test]
    public void Hold_AfterTheProcessChangedTheRaisedMinimum_PutsBackTheProcesssOwn()
    {
        // The process lowers the minimum while a thread is held; the next hold raises it again and the last
        // release restores the process's value, not the one from before the first hold.
        PoolReserve.Hold();
        ThreadPool.SetMinThreads(Spare - 1 > 0 ? Spare - 1 : 1, _ownIo);
        int processOwn = MinWorkers();
        PoolReserve.Hold();
        PoolReserve.Release();
        PoolReserve.Release();

        Assert.That(MinWorkers(), Is.EqualTo(processOwn));
    }

    [Test]
    public void LoopOnAPoolThread_CountsAsBusy_LoopOnAnotherThreadDoesNot()
    {
        LoopThread.Current.Enter();   // a test thread, not a pool thread
        PoolReserve.Hold();
        int fromTestThread = MinWorkers();
        PoolReserve.Release();
        LoopThread.Current.Exit(WallTime.Now);

        int fromPoolThread = Task.Run(() =>
        {
            LoopThread.Current.Enter();
            try
            {
                PoolReserve.Hold();
                int raised = MinWorkers();
                PoolReserve.Release();
                return raised;
            }
            finally
            {
                LoopThread.Current.Exit(WallTime.Now);
            }
        }).Result;

        PoolReserve.Hold();
        int afterTheLoopEnded = MinWorkers();
        PoolReserve.Release();

        Assert.That((fromTestThread, fromPoolThread, afterTheLoopEnded), Is.EqualTo((Spare + 1, Spare + 2, Spare + 1)));
    }
}
