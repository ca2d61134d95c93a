namespace SimLoop.Tests.Bcl;

public class CancellationTokenSourceTests
{
    [Test]
    public void Constructor_WithDelayAndClock_CancelsAtExactlyThatVirtualTime()
    {
        var sim = new Simulation();
        TimeSpan? at = null;
        sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3), sim.Clock);
            cts.Token.Register(() => at = Sim.Elapsed);
            await Sim.Delay(TimeSpan.FromMinutes(10));
        });

        Assert.That(at, Is.EqualTo(TimeSpan.FromMinutes(3)));
    }

    [Test]
    public void CancelAfter_Rescheduled_CancelsAtTheLastDueTime()
    {
        var sim = new Simulation();
        TimeSpan? at = null;
        sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), sim.Clock);
            cts.Token.Register(() => at = Sim.Elapsed);
            await Sim.Delay(TimeSpan.FromSeconds(1));
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            await Sim.Delay(TimeSpan.FromMinutes(1));
        });

        Assert.That(at, Is.EqualTo(TimeSpan.FromSeconds(31)));
    }

    [Test]
    public void Dispose_BeforeDue_NeverCancels()
    {
        var sim = new Simulation();
        bool cancelled = false;
        sim.Run(async () =>
        {
            var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), sim.Clock);
            cts.Token.Register(() => cancelled = true);
            cts.Dispose();
            await Sim.Delay(TimeSpan.FromSeconds(10));
        });

        Assert.That(cancelled, Is.False);
    }

    [Test]
    public void LinkedToken_CancelledByClockTimer_CancelsTheLinkedWait()
    {
        var sim = new Simulation();
        TimeSpan? caught = null;
        sim.Run(async () =>
        {
            using var outer = new CancellationTokenSource(TimeSpan.FromSeconds(7), sim.Clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(outer.Token);
            try
            {
                await Sim.Delay(TimeSpan.FromHours(1), linked.Token);
            }
            catch (SimCancelledException)
            {
                caught = Sim.Elapsed;
            }
        });

        Assert.That(caught, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }
}
