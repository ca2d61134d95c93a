namespace SimLoop.Tests.Readme;

// The README's quick start, verbatim: if this stops compiling or passing, the README is wrong.
public class QuickStartTests
{
    [Test]
    public void SlowService_TimesOut_AfterExactlyTwoSeconds_InVirtualTime()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 42, Strategy = ScheduleStrategy.Random });
        string outcome = sim.Run(async () =>
        {
            SimTask<string> call = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromHours(1));      // a service that hangs for an hour
                return "answer";
            }, "call");
            try
            {
                return await Sim.WaitFor(call, TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException e)
            {
                return e.InnerException!.Message;            // who cancelled whom, when, why
            }
        });

        Assert.That(outcome, Is.EqualTo("task 'call' cancelled at 00:00:02 by 'main': timeout of 2 s in WaitFor"));
        Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));   // and it took microseconds
    }
}
