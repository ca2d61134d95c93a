namespace SimLoop.Seeds.Tests.FsCheck;

public class FaultPlanTests
{
    [TestCase("none")]
    [TestCase("cancel[0]@0s")]
    [TestCase("cancel[1]@1.5s,cancel[3]@0.001s")]
    [TestCase("cancel[7]@10s")]
    public void Parse_PrintedPlan_RoundTrips(string text)
    {
        Assert.That(FaultPlan.Parse(text).ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Parse_EqualText_EqualPlans()
    {
        Assert.That(FaultPlan.Parse("cancel[1]@1.5s"), Is.EqualTo(new FaultPlan([new Fault(TimeSpan.FromSeconds(1.5), 1)])));
        Assert.That(FaultPlan.Parse("cancel[1]@1.5s"), Is.Not.EqualTo(FaultPlan.Parse("cancel[1]@2s")));
    }

    [TestCase("cancel[x]@1s")]
    [TestCase("cancel[1]@-1s")]
    [TestCase("cancel[1]1s")]
    [TestCase("kill[1]@1s")]
    [TestCase("")]
    public void Parse_Malformed_ThrowsShowingThePart(string text)
    {
        Assert.That(() => FaultPlan.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains("is not a fault"));
    }

    [Test]
    public void Apply_CancelsThePendingTaskAtItsTime()
    {
        var sim = new Simulation();
        FaultPlan.Parse("cancel[1]@1.5s").Apply(sim);
        string? cause = null;

        sim.Run(async () =>
        {
            SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(5)), "a");
            SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(5)), "b");
            await a;
            try
            {
                await b;
            }
            catch (SimCancelledException e)
            {
                cause = e.Cause!.ToString();
            }
        });

        Assert.That(cause, Is.EqualTo("task 'b' cancelled at 00:00:01.5 by the simulation: fault plan: cancel[1]@1.5s"));
    }

    [Test]
    public void Apply_NoTaskPending_DoesNothing()
    {
        var sim = new Simulation();
        FaultPlan.Parse("cancel[0]@1s").Apply(sim);

        Assert.That(() => sim.Run(() => Sim.Delay(TimeSpan.FromSeconds(2))), Throws.Nothing);
    }
}
