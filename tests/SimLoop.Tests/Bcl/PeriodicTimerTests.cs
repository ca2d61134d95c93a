namespace SimLoop.Tests.Bcl;

public class PeriodicTimerTests
{
    [Test]
    public void WaitForNextTickAsync_TicksAtExactPeriods_InVirtualTime()
    {
        var sim = new Simulation();
        var ticks = new List<TimeSpan>();
        sim.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15), sim.Clock);
            while (ticks.Count < 4 && await timer.WaitForNextTickAsync())
            {
                ticks.Add(Sim.Elapsed);
            }
        });

        Assert.That(ticks, Is.EqualTo(new[] { 15, 30, 45, 60 }.Select(m => TimeSpan.FromMinutes(m))));
    }

    [Test]
    public void Dispose_FromAnotherTask_EndsTheWaitWithFalse()
    {
        var sim = new Simulation();
        bool? lastTick = null;
        sim.Run(async () =>
        {
            var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), sim.Clock);
            sim.At(TimeSpan.FromSeconds(25), timer.Dispose);
            while (await timer.WaitForNextTickAsync())
            {
            }

            lastTick = false;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lastTick, Is.False);
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(25)));
        }
    }
}
