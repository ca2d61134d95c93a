namespace SimLoop.Tests.Bcl;

public class TaskDelayTests
{
    [Test]
    public void TaskDelay_WithClock_TakesVirtualTime_AndResumesOnTheLoopThread()
    {
        var sim = new Simulation();
        int loopThread = Environment.CurrentManagedThreadId;
        int resumedOn = -1;
        sim.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromHours(5), sim.Clock);
            resumedOn = Environment.CurrentManagedThreadId;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromHours(5)));
            Assert.That(resumedOn, Is.EqualTo(loopThread));
        }
    }

    [Test]
    public void TaskDelay_Cancelled_ThrowsTaskCanceled_AtTheCancelTime()
    {
        var sim = new Simulation();
        TimeSpan? cancelledAt = null;
        sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource();
            sim.At(TimeSpan.FromSeconds(2), cts.Cancel);
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), sim.Clock, cts.Token);
            }
            catch (TaskCanceledException)
            {
                cancelledAt = Sim.Elapsed;
            }
        });

        Assert.That(cancelledAt, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void TaskDelay_ConfigureAwaitFalse_ReleasedByTimer_StaysOnTheLoopThread()
    {
        var sim = new Simulation();
        int loopThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        sim.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), sim.Clock).ConfigureAwait(false);
                threads.Add(Environment.CurrentManagedThreadId);
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(threads, Has.Count.EqualTo(3).And.All.EqualTo(loopThread));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
        }
    }
}
