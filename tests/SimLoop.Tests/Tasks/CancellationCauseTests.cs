using SimLoop.Tests.Support;

namespace SimLoop.Tests.Tasks;

public class CancellationCauseTests
{
    [Test]
    public void Message_ReadsWhoCancelledWhomWhenAndWhy()
    {
        var sim = new Simulation();
        SimCancelledException? seen = null;
        sim.Run(async () =>
        {
            SimTask worker = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                }
                catch (SimCancelledException e)
                {
                    seen = e;
                    throw;
                }
            }, "worker");
            await Sim.Delay(TimeSpan.FromSeconds(2.5));
            worker.Cancel("user pressed stop");
            await Quietly.Finished(worker);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen!.Message, Is.EqualTo("task 'worker' cancelled at 00:00:02.5 by 'main': user pressed stop"));
            Assert.That(seen.Cause!.At, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(seen.Cause.RequestedBy, Is.EqualTo("main"));
            Assert.That(seen.Cause.TaskName, Is.EqualTo("worker"));
            Assert.That(seen.Cause.Inner, Is.Null);
        }
    }

    [Test]
    public void FromAnAtAction_RequestedByIsNull_AndTheMessageSaysTheSimulation()
    {
        var sim = new Simulation();
        SimTask? worker = null;
        sim.Run(async () =>
        {
            worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "worker");
            sim.At(TimeSpan.FromMinutes(1), () => worker.Cancel());
            await Quietly.Finished(worker);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(worker!.CancellationCause!.RequestedBy, Is.Null);
            Assert.That(worker.CancellationCause.ToString(),
                Is.EqualTo("task 'worker' cancelled at 00:01:00 by the simulation: Cancel() was called"));
        }
    }

    [Test]
    public void Constructor_NullCause_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new SimCancelledException((CancellationCause)null!));
    }
}
