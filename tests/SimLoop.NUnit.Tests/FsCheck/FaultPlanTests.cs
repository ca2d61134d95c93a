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
    public void Constructor_NullFault_ThrowsArgumentExceptionNamingFaults()
    {
        Assert.That(() => new FaultPlan(new Fault[] { new(TimeSpan.Zero, 0), null! }), Throws.ArgumentException
            .With.Property("ParamName").EqualTo("faults").And.Message.StartWith("faults[1] is null"));
    }

    [Test]
    public void Constructor_NegativeTime_ThrowsNamingFaults()
    {
        Assert.That(() => new FaultPlan([new Fault(TimeSpan.FromSeconds(-1), 0)]), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Property("ParamName").EqualTo("faults").And.Message.Contains("must not be negative"));
    }

    [Test]
    public void Check_CaseWithoutFaultPlan_ThrowsArgumentExceptionNamingTheCase()
    {
        Assert.That(() => SimProperty.Check(new SimCase(1, ScheduleStrategy.Fifo, null!), _ => Task.CompletedTask), Throws.ArgumentException
            .With.Property("ParamName").EqualTo("simCase").And.Message.StartWith("simCase.Faults is null"));
    }

    [Test]
    public void Check_CaseWithStrategyOutOfRange_ThrowsArgumentExceptionNamingTheCase()
    {
        Assert.That(() => SimProperty.Check(new SimCase(1, (ScheduleStrategy)99, FaultPlan.None), _ => Task.CompletedTask), Throws.ArgumentException
            .With.Property("ParamName").EqualTo("simCase").And.Message.StartWith("simCase.Strategy must be ScheduleStrategy.Fifo, Random, Pct or Portfolio; it was (ScheduleStrategy)99"));
    }

    [Test]
    public void Apply_NoTaskPending_DoesNothing()
    {
        var sim = new Simulation();
        FaultPlan.Parse("cancel[0]@1s").Apply(sim);

        Assert.That(() => sim.Run(() => Sim.Delay(TimeSpan.FromSeconds(2))), Throws.Nothing);
    }
}
