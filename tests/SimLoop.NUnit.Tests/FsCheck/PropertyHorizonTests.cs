using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SimLoop.Seeds.Tests.Support;

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

    [Test]
    [NonParallelizable]
    public void Property_CasesInParallel_DrawTheHorizonFromTheSeed_SerialCasesUseTheEstimate()
    {
        SimArbitraries.Environment = DemoPrograms.NoEnvironment;
        try
        {
            HorizonFixture.Steps.Clear();
            TestResult parallel = Run(nameof(HorizonFixture.Law_parallel));
            int[] parallelSteps = [.. HorizonFixture.Steps];
            HorizonFixture.Steps.Clear();
            TestResult serial = Run(nameof(HorizonFixture.Law_serial));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(parallel.ResultState, Is.EqualTo(ResultState.Success), parallel.Message);
                Assert.That(serial.ResultState, Is.EqualTo(ResultState.Success), serial.Message);
                Assert.That(parallelSteps, Has.Length.EqualTo(100).And.All.EqualTo(0), "no case before a case on several threads");
                Assert.That(HorizonFixture.Steps.Count(s => s > 0), Is.GreaterThan(10), "one thread: Pct cases after the first use the estimate");
            }
        }
        finally
        {
            SimArbitraries.Environment = DemoPrograms.NoEnvironment;
        }
    }

    private static TestResult Run(string method) => BuiltTest.Run(typeof(HorizonFixture), method);

    [Explicit("Run by PropertyHorizonTests through NUnit's builder")]
    public class HorizonFixture
    {
        public static readonly ConcurrentBag<int> Steps = [];

#pragma warning disable NUnit1027 // FsCheck supplies the argument.
        [SimulationProperty(Arbitrary = [typeof(SimArbitraries)], Seeds = 100)]
        public static void Law_serial(SimCase simCase) => SimProperty.Check(simCase, Record);

        [SimulationProperty(Arbitrary = [typeof(SimArbitraries)], Seeds = 100, Parallelism = 2)]
        public static void Law_parallel(SimCase simCase) => SimProperty.Check(simCase, Record);
#pragma warning restore NUnit1027

        private static Task Record(Simulation sim)
        {
            Steps.Add(sim.Options.PctSteps);
            return TenChoices();
        }
    }
}
