namespace SimLoop.Tests.Bcl;

public class WaitAsyncTests
{
    [Test]
    public void WaitAsync_TimeoutWithClock_ThrowsTimeout_AtTheTimeout()
    {
        var sim = new Simulation();
        TimeSpan? at = null;
        sim.Run(async () =>
        {
            var never = new TaskCompletionSource();
            try
            {
                await never.Task.WaitAsync(TimeSpan.FromSeconds(30), sim.Clock);
            }
            catch (TimeoutException)
            {
                at = Sim.Elapsed;
            }
        });

        Assert.That(at, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void WaitAsync_TaskFinishesFirst_ReturnsItsResult_WithoutWaitingForTheTimeout()
    {
        var sim = new Simulation();
        int result = sim.Run(async () =>
        {
            SimTask<int> worker = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                return 42;
            });
            return await worker.Completion.WaitAsync(TimeSpan.FromMinutes(1), sim.Clock);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }
}
