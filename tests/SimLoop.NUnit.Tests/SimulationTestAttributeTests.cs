using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Execution;

namespace SimLoop.Seeds.Tests;

// End to end: the attribute runs through NUnit's own builder and work item, as the adapter would run it, with the
// environment and the project folder (for the regressions file) replaced by the test's.
public class SimulationTestAttributeTests
{
    private string _project = null!;

    [SetUp]
    public void CreateProject() => _project = Directory.CreateTempSubdirectory("simloop-project-").FullName;

    [TearDown]
    public void DeleteProject() => Directory.Delete(_project, recursive: true);

    [Test]
    public void SimulationTest_RaceOnSomeSeeds_FailsWithReplayLineAndRecordsTheSeed()
    {
        TestResult result = Run(nameof(DemoFixture.Transfer_never_loses_money));
        string file = Path.Combine(_project, "simloop-regressions", typeof(DemoFixture).FullName + ".txt");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(result.Message, Does.Contain("seeds failed (seeds 0..199, strategy Random)."));
            Assert.That(result.Message, Does.Contain(
                "InvalidOperationException: withdrew 120 from an account holding 100\n  Replay: SIMLOOP_SEED="));
            Assert.That(result.Message, Does.Contain(
                "dotnet test --filter \"FullyQualifiedName~DemoFixture.Transfer_never_loses_money\""));
            Assert.That(result.Output, Does.StartWith("SimLoop DemoFixture.Transfer_never_loses_money: 200 seeds (seeds 0..199, strategy Random)"));
            Assert.That(File.ReadAllText(file), Does.Contain("Transfer_never_loses_money seed="));
        }
    }

    [Test]
    public void SimulationTest_ReplayedSeed_FailsTheSameWay()
    {
        TestResult found = Run(nameof(DemoFixture.Transfer_never_loses_money));
        string seed = found.Message!.Split("Replay: SIMLOOP_SEED=")[1].Split(' ')[0];
        string block = found.Message.Split("\n\n")[1];

        TestResult replay = Run(nameof(DemoFixture.Transfer_never_loses_money), ("SIMLOOP_SEED", seed));

        Assert.That(replay.Message!.Split("\n\n")[1], Is.EqualTo(block));
        Assert.That(replay.Message, Does.StartWith($"SimLoop: 1 of 1 seeds failed (seed {seed} from SIMLOOP_SEED, strategy Random)."));
    }

    [Test]
    public void SimulationTest_TakingTheSimulation_PassesWhenEverySeedPasses()
    {
        TestResult result = Run(nameof(DemoFixture.Clock_runs_in_virtual_time));

        Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
        Assert.That(result.Output, Does.Contain(": 50 seeds (seeds 0..49, strategy Pct)").And.Contain(" 0 failed"));
        Assert.That(Directory.Exists(Path.Combine(_project, "simloop-regressions")), Is.False, "nothing failed, nothing recorded");
    }

    [Test]
    public void SimulationTest_MalformedShard_IsAnErrorNamingTheVariable()
    {
        TestResult result = Run(nameof(DemoFixture.Clock_runs_in_virtual_time), ("SIMLOOP_SHARD", "3/2"));

        Assert.That(result.ResultState, Is.EqualTo(ResultState.Error));
        Assert.That(result.Message, Does.StartWith("SIMLOOP_SHARD='3/2' is not valid"));
    }

    [Test]
    public void SimulationTest_WrongSignature_IsNotRunnableWithTheReason()
    {
        TestMethod test = Build(nameof(DemoFixture.Not_async));

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(test.Properties.Get(PropertyNames.SkipReason), Does.Contain("async Task Not_async()"));
    }

    private static TestMethod Build(string name)
    {
        var method = new MethodWrapper(typeof(DemoFixture), name);
        return method.GetCustomAttributes<SimulationTestAttribute>(false)[0].BuildFrom(method, null);
    }

    private TestResult Run(string name, params (string Name, string Value)[] environment)
    {
        TestMethod test = Build(name);
        WorkItem work = WorkItemBuilder.CreateWorkItem(test, TestFilter.Empty, recursive: true)!;
        work.InitializeContext(new TestExecutionContext { TestObject = new DemoFixture() });
        using (SimulationTestCommand.UseEnvironment(DemoPrograms.Environment(environment), _project))
        {
            // The demo's seeds fail by design: run them in a context of their own, so this test's result is its own.
            using (new TestExecutionContext.IsolatedContext())
            {
                work.Execute();
            }
        }

        return work.Result;
    }

    [Explicit("A demo of failing seeds, run by SimulationTestAttributeTests through NUnit's builder")]
    public class DemoFixture
    {
        [SimulationTest(Seeds = 200, Strategy = ScheduleStrategy.Random)]
        public static Task Transfer_never_loses_money() => DemoPrograms.Transfer();

        // NUnit.Analyzers does not know the command supplies the Simulation (see docs/README-seeds.md).
#pragma warning disable NUnit1027
        [SimulationTest(Seeds = 50, Strategy = ScheduleStrategy.Pct)]
        public static async Task Clock_runs_in_virtual_time(Simulation sim)
#pragma warning restore NUnit1027
        {
            await Sim.Delay(TimeSpan.FromHours(1));
            if (sim.Elapsed != TimeSpan.FromHours(1))
            {
                throw new InvalidOperationException($"elapsed {sim.Elapsed}");
            }
        }

        [SimulationTest]
        public static void Not_async()
        {
        }
    }
}
