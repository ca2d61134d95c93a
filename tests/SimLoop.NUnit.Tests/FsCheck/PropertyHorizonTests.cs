namespace SimLoop.Seeds.Tests.FsCheck;

// A property's cases take Pct's horizon from the cases checked before them in the same test, as a seed run's seeds do.
public class PropertyHorizonTests
{
    private static async Task TenChoices()
    {
        static async Task Work()
        {
            for (int i = 0; i < 5; i++)
            {
                await Sim.Yield();
            }
        }

        SimTask a = Sim.Spawn(Work, "a");
        SimTask b = Sim.Spawn(Work, "b");
        await a;
        await b;
    }

    [Test]
    public void Cases_OfOneTest_RunPctOverTheLongestCaseOfTheBlocksBefore()
    {
        var steps = new List<int>();
        var choices = new List<long>();
        for (long seed = 0; seed < 8; seed++)
        {
            Simulation? ran = null;
            SimProperty.Check(new SimCase(seed, ScheduleStrategy.Pct, FaultPlan.None), sim =>
            {
                ran = sim;
                return TenChoices();
            });
            steps.Add(ran!.Options.PctSteps);
            choices.Add(ran.Choices);
        }

        // Blocks 0; 1; 2-3; 4-7.
        int Longest(int before) => (int)choices.Take(before).Max();
        Assert.That(steps, Is.EqualTo(new[] { 0, Longest(1), Longest(2), Longest(2), Longest(4), Longest(4), Longest(4), Longest(4) }));
        Assert.That(steps.Skip(1), Has.All.InRange(6, 14));
    }

    [Test]
    public void Case_WithPctStepsSet_KeepsThem()
    {
        var steps = new List<int>();
        for (long seed = 0; seed < 4; seed++)
        {
            SimProperty.Check(new SimCase(seed, ScheduleStrategy.Pct, FaultPlan.None), sim =>
            {
                steps.Add(sim.Options.PctSteps);
                return TenChoices();
            }, new SimulationOptions { PctSteps = 50 });
        }

        Assert.That(steps, Has.All.EqualTo(50));
    }

    [Test]
    public void FailingCase_WithAnEstimate_ReplayLinePinsIt()
    {
        for (long seed = 0; seed < 2; seed++)
        {
            SimProperty.Check(new SimCase(seed, ScheduleStrategy.Pct, FaultPlan.None), _ => TenChoices());
        }

        var e = Assert.Throws<SeedFailureException>(() => SimProperty.Check(new SimCase(2, ScheduleStrategy.Pct, FaultPlan.None),
            async _ =>
            {
                await TenChoices();
                throw new InvalidOperationException("broken");
            }));

        Assert.That(e.Message, Does.Match(@"Replay: SIMLOOP_SEED=2 SIMLOOP_PCT_STEPS=\d+ SIMLOOP_STRATEGY=Pct SIMLOOP_FAULTS=none dotnet test"));
    }
}
