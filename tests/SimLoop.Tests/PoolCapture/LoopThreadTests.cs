namespace SimLoop.Tests.PoolCapture;

// The census adds up records that other tests' threads also write: these tests run alone.
[NonParallelizable]
public class LoopThreadTests
{
    [Test]
    public void Census_LoopRunningOnAnotherThread_IsCountedUntilItEnds()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            LoopThread.Current.Enter();
            entered.Set();
            release.Wait();
            LoopThread.Current.Exit(WallTime.Now);
        });
        int before = LoopThread.Census().Running;
        thread.Start();
        entered.Wait();
        int during = LoopThread.Census().Running;
        long endedBefore = WallTime.Now;
        release.Set();
        thread.Join();
        (int after, _, long lastEnd) = LoopThread.Census();

        Assert.That((during - before, after - before, lastEnd >= endedBefore), Is.EqualTo((1, 0, true)));
    }

    [Test]
    public void Census_LoopOnAPoolThread_CountsForThePool_OnAPlainThreadDoesNot()
    {
        int before = LoopThread.Census().OnPoolThreads;
        LoopThread.Current.Enter(); // a test thread, not a pool thread
        int fromTestThread = LoopThread.Census().OnPoolThreads;
        LoopThread.Current.Exit(WallTime.Now);
        int fromPoolThread = Task.Run(() =>
        {
            LoopThread.Current.Enter();
            int seen = LoopThread.Census().OnPoolThreads;
            LoopThread.Current.Exit(WallTime.Now);
            return seen;
        }).Result;

        Assert.That((fromTestThread - before, fromPoolThread - before, LoopThread.Census().OnPoolThreads - before),
            Is.EqualTo((0, 1, 0)));
    }
}
