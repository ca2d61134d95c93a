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

    [TestCase(nameof(InvalidFixture.Strategy_99), "[SimulationTest] Strategy must be ScheduleStrategy.Fifo, Random, Pct or Portfolio; it was (ScheduleStrategy)99.")]
    [TestCase(nameof(InvalidFixture.Seeds_0), "[SimulationTest] Seeds must be at least 1; it was 0, which would run no seed and test nothing.")]
    [TestCase(nameof(InvalidFixture.MaxSteps_minus_1), "[SimulationTest] MaxSteps must be 0 (the SimulationOptions default) or positive; it was -1.")]
    [TestCase(nameof(InvalidFixture.MaxDegreeOfParallelism_minus_5),
        "[SimulationTest] MaxDegreeOfParallelism must be 0 (one thread per core) or positive; it was -5.")]
    [TestCase(nameof(InvalidFixture.MaxVirtualTime_five_minutes),
        "[SimulationTest] MaxVirtualTime must be a positive virtual time in the form [d.]hh:mm:ss[.fffffff], such as \"00:05:00\" " +
        "(5 minutes) or \"7.00:00:00\" (7 days); it was \"5 minutes\".")]
    [TestCase(nameof(InvalidFixture.MaxVirtualTime_zero),
        "[SimulationTest] MaxVirtualTime must be a positive virtual time in the form [d.]hh:mm:ss[.fffffff], such as \"00:05:00\" " +
        "(5 minutes) or \"7.00:00:00\" (7 days); it was \"00:00:00\".")]
    [TestCase(nameof(InvalidFixture.TraceCapacity_minus_1),
        "[SimulationTest] TraceCapacity must be 0 (keep no trace entries) or positive; it was -1.")]
    [TestCase(nameof(InvalidFixture.Log_9), "[SimulationTest] Log must be SimulationLogOutput.None, Out or Progress; it was (SimulationLogOutput)9.")]
    public void SimulationTest_PropertyOutOfRange_FailsThatTestNamingTheProperty(string name, string reason)
    {
        TestMethod test = Build(typeof(InvalidFixture), name);
        TestResult result = Run(test, new InvalidFixture());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(test.Properties.Get(PropertyNames.SkipReason), Is.EqualTo(reason));
            Assert.That(result.ResultState, Is.EqualTo(ResultState.NotRunnable));
            Assert.That(result.Message, Is.EqualTo(reason));
            Assert.That(InvalidFixture.Runs, Is.Zero, "no seed ran");
        }
    }

    [Test]
    public void SimulationTest_ShardWithNoSeeds_IsInconclusiveSayingSo()
    {
        TestResult result = Run(nameof(DemoFixture.Clock_runs_in_virtual_time), ("SIMLOOP_SEEDS", "2"), ("SIMLOOP_SHARD", "3/4"));

        Assert.That(result.ResultState, Is.EqualTo(ResultState.Inconclusive));
        Assert.That(result.Message, Does.StartWith(
            "SimLoop DemoFixture.Clock_runs_in_virtual_time: no seeds to run in this process: shard 3/4 of 2 seeds: none. " +
            "SIMLOOP_SHARD=3/4 splits 2 seeds into 4 shares and this one is empty, so nothing was tested here."));
    }

    [Test]
    public void SimulationTest_RegressionsFolderUnwritable_ReportsTheSeedFailureAndTheFileProblem()
    {
        // A file where the folder should be: creating the folder fails, as it does on a read-only checkout.
        File.WriteAllText(Path.Combine(_project, "simloop-regressions"), "not a folder");

        TestResult result = Run(nameof(DemoFixture.Transfer_never_loses_money));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(result.Message, Does.StartWith("SimLoop: ").And.Contain("seeds failed (seeds 0..199, strategy Random)."));
            Assert.That(result.Message, Does.Contain("withdrew 120 from an account holding 100\n  Replay: SIMLOOP_SEED="));
            Assert.That(result.Message, Does.Match(@"\n\nSeed \d+ could not be added to simloop-regressions/.*DemoFixture\.txt \(.*\): IOException: "));
            Assert.That(result.Message, Does.Contain("The failure above is the test's result"));
        }
    }

    [Test]
    public void SimulationTest_KnownSeedStillFails_AddsNoNewSeed()
    {
        TestResult first = Run(nameof(DemoFixture.Transfer_never_loses_money));
        string file = Path.Combine(_project, "simloop-regressions", typeof(DemoFixture).FullName + ".txt");
        string recorded = File.ReadAllText(file);

        TestResult second = Run(nameof(DemoFixture.Transfer_never_loses_money), ("SIMLOOP_SEEDS", "400"), ("SIMLOOP_SHARD", "2/2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(second.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(second.Message, Does.Contain("No seed was added to simloop-regressions/").And.Contain("still fails."));
            Assert.That(File.ReadAllText(file), Is.EqualTo(recorded), "the file does not grow while its seed fails");
        }
    }

    [Test]
    public void SimulationTest_StateSetInSetUpField_ReportsStateSharedBetweenSeeds()
    {
        var fixture = new SetUpStateFixture();
        fixture.OpenAccount(); // NUnit runs [SetUp] once before the whole seed run

        TestResult result = Run(Build(typeof(SetUpStateFixture), nameof(SetUpStateFixture.Withdraw_60_from_a_fresh_account)), fixture);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(result.Message, Does.Contain("balance 40 is less than 60"));
            Assert.That(result.Message, Does.Match(@"State shared between seeds: seed \d+ failed in this run, but passed when SimLoop re-ran it alone " +
                @"afterwards \(one seed, on one thread, on a fresh fixture instance after its \[SetUp\]\)"));
            Assert.That(result.Message, Does.Contain("A fixture field set in [SetUp] is the usual cause")
                .And.Contain("Create that state inside the test body"));
            Assert.That(File.Exists(Path.Combine(_project, "simloop-regressions", typeof(SetUpStateFixture).FullName + ".txt")), Is.False,
                "a seed whose replay passes is not recorded");
        }
    }

    [Test]
    public void SimulationTest_Failing_ReportShowsTraceAndLogsInTheResultMessage()
    {
        TestResult result = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Logs_then_fails)), new OptionsFixture());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(result.Message, Does.Match(@"\n  Trace, last \d+ of \d+ entries \(#step, virtual time, task, what happened\):\n    #1 00:00:00 'main' TaskStarted"));
            Assert.That(result.Message, Does.Contain("\n    [00:00:01 #3 'main'] info Orders: order 1 placed\n"));
            Assert.That(result.Output, Does.Not.Contain("order 1 placed"), "Log is None: the seeds themselves did not log");
        }
    }

    [Test]
    public void SimulationTest_MaxVirtualTime_EndsARunThatSleepsPastIt()
    {
        TestResult limited = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Sleeps_an_hour_with_a_minute_limit)), new OptionsFixture());
        TestResult unlimited = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Sleeps_an_hour)), new OptionsFixture());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(limited.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(limited.Message, Does.Contain("SimulationLimitException"));
            Assert.That(unlimited.ResultState, Is.EqualTo(ResultState.Success), unlimited.Message);
        }
    }

    [Test]
    public void SimulationTest_TraceCapacity_BoundsTheTraceInTheReport()
    {
        TestResult result = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Keeps_three_trace_entries)), new OptionsFixture());

        Assert.That(result.Message, Does.Match(@"\n  Trace, last 3 of \d+ entries"));
    }

    [Test]
    public void SimulationTest_LogOut_WritesEverySeedsLinesToTheTestOutput()
    {
        TestResult result = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Logs_to_the_output)), new OptionsFixture());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
            Assert.That(result.Output, Does.Contain("seed 0: [00:00:01 #3 'main'] info Orders: order 1 placed"));
            Assert.That(result.Output, Does.Contain("seed 2: [00:00:01 #3 'main'] info Orders: order 1 placed"));
            Assert.That(result.Output, Does.Contain("seed 0: [00:00:00 #0] info SimLoop: run started (seed 0, strategy Portfolio)"));
        }
    }

    [Test]
    public void SimulationTest_TimelineWriterPlugged_AttachesTheFileToTheResult()
    {
        string path = Path.Combine(_project, "timeline.html");
        TestResult result;
        using (FailureTimeline.Use((sim, failure) =>
        {
            File.WriteAllText(path, $"<html>{sim.Seed} {failure.GetType().Name}</html>");
            return path;
        }))
        {
            result = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Logs_then_fails)), new OptionsFixture());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Message, Does.Contain("\n  Timeline: " + path));
            Assert.That(result.TestAttachments.Select(a => (a.FilePath, a.Description)),
                Is.EqualTo(new[] { (path, "SimLoop timeline of seed 0") }));
        }
    }

    [Test]
    public void SimulationTest_DefaultTimelineWriter_AttachesTheFailingSeedsPicture()
    {
        TestResult result = Run(Build(typeof(OptionsFixture), nameof(OptionsFixture.Logs_then_fails)), new OptionsFixture());

        Assert.That(result.TestAttachments.Select(a => Path.GetExtension(a.FilePath)), Is.EqualTo(new[] { ".html" }));
        Assert.That(File.ReadAllText(result.TestAttachments.Single().FilePath), Does.Contain("<svg"));
    }

    private static TestMethod Build(string name) => Build(typeof(DemoFixture), name);

    private static TestMethod Build(Type fixture, string name)
    {
        var method = new MethodWrapper(fixture, name);
        return method.GetCustomAttributes<SimulationTestAttribute>(false)[0].BuildFrom(method, null);
    }

    private TestResult Run(string name, params (string Name, string Value)[] environment) =>
        Run(Build(name), new DemoFixture(), environment);

    private TestResult Run(TestMethod test, object fixture, params (string Name, string Value)[] environment)
    {
        WorkItem work = WorkItemBuilder.CreateWorkItem(test, TestFilter.Empty, recursive: true)!;
        work.InitializeContext(new TestExecutionContext { TestObject = fixture });
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

        // NUnit.Analyzers does not know the command supplies the Simulation (see docs/test-projects.md).
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

    [Explicit("Built, and run as far as NUnit runs a not-runnable test, by SimulationTestAttributeTests")]
    public class InvalidFixture
    {
        private static int s_runs;

        public static int Runs => Volatile.Read(ref s_runs);

        [SimulationTest(Strategy = (ScheduleStrategy)99)]
        public static Task Strategy_99() => Body();

        [SimulationTest(Seeds = 0)]
        public static Task Seeds_0() => Body();

        [SimulationTest(MaxSteps = -1)]
        public static Task MaxSteps_minus_1() => Body();

        [SimulationTest(MaxDegreeOfParallelism = -5)]
        public static Task MaxDegreeOfParallelism_minus_5() => Body();

        [SimulationTest(MaxVirtualTime = "5 minutes")]
        public static Task MaxVirtualTime_five_minutes() => Body();

        [SimulationTest(MaxVirtualTime = "00:00:00")]
        public static Task MaxVirtualTime_zero() => Body();

        [SimulationTest(TraceCapacity = -1)]
        public static Task TraceCapacity_minus_1() => Body();

        [SimulationTest(Log = (SimulationLogOutput)9)]
        public static Task Log_9() => Body();

        private static Task Body()
        {
            Interlocked.Increment(ref s_runs);
            return Task.CompletedTask;
        }
    }

    [Explicit("A demo of state leaking between seeds, run by SimulationTestAttributeTests")]
    public class SetUpStateFixture
    {
        private int[] _balance = null!;

        [SetUp]
        public void OpenAccount() => _balance = [100];

        [SimulationTest(Seeds = 20, MaxDegreeOfParallelism = 1)]
        public async Task Withdraw_60_from_a_fresh_account()
        {
            await Sim.Yield();
            if (_balance[0] < 60)
            {
                throw new InvalidOperationException($"balance {_balance[0]} is less than 60");
            }

            _balance[0] -= 60;
        }
    }

    [Explicit("Demos of the attribute's simulation options, run by SimulationTestAttributeTests")]
    public class OptionsFixture
    {
        [SimulationTest(Seeds = 3, MaxDegreeOfParallelism = 1)]
        public static async Task Logs_then_fails()
        {
            await PlaceOrder();
            throw new InvalidOperationException("order 1 was lost");
        }

        [SimulationTest(Seeds = 3, MaxDegreeOfParallelism = 1, Log = SimulationLogOutput.Out)]
        public static Task Logs_to_the_output() => PlaceOrder();

        [SimulationTest(Seeds = 2, MaxVirtualTime = "00:01:00")]
        public static Task Sleeps_an_hour_with_a_minute_limit() => Sim.Delay(TimeSpan.FromHours(1));

        [SimulationTest(Seeds = 2)]
        public static Task Sleeps_an_hour() => Sim.Delay(TimeSpan.FromHours(1));

        [SimulationTest(Seeds = 2, TraceCapacity = 3)]
        public static async Task Keeps_three_trace_entries()
        {
            for (int i = 0; i < 10; i++)
            {
                await Sim.Yield();
            }

            throw new InvalidOperationException("after ten yields");
        }

        private static async Task PlaceOrder()
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
#pragma warning disable CA1848 // logged as a user's first test does
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(Sim.CreateLogger("Orders"), "order 1 placed");
#pragma warning restore CA1848
        }
    }
}
