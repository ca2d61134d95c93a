using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

#pragma warning disable CA1848, CA1873 // the bodies log as a user's first property does

namespace SimLoop.Seeds.Tests.FsCheck;

public class SimulationPropertyAttributeTests
{
    [SetUp]
    [TearDown]
    public void NoEnvironment() => SimArbitraries.Environment = DemoPrograms.NoEnvironment;

    [Test]
    public void Seeds_NothingSet_IsFsCheckMaxTest()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new SimulationPropertyAttribute().MaxTest, Is.EqualTo(100));
            Assert.That(new SimulationPropertyAttribute { Seeds = 500 }.MaxTest, Is.EqualTo(500));
        }
    }

    [Test]
    public void Seeds_EnvironmentSet_OverridesTheAttribute()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "100000"));

        Assert.That(new SimulationPropertyAttribute { Seeds = 500 }.MaxTest, Is.EqualTo(100_000));
    }

    [Test]
    public void Seeds_Sharded_RunsTheShareOfTheCount()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "10"), ("SIMLOOP_SHARD", "2/4"));

        Assert.That(new SimulationPropertyAttribute { Seeds = 500 }.MaxTest, Is.EqualTo(3));
    }

    [Test]
    public void Seeds_EnvironmentMalformed_ThrowsNamingTheVariable()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "-5"));

        Assert.That(() => new SimulationPropertyAttribute(),
            Throws.InvalidOperationException.With.Message.StartWith("SIMLOOP_SEEDS='-5' is not valid"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void Seeds_LessThanOne_MakesTheTestNotRunnableNamingTheProperty(int seeds)
    {
        TestMethod test = Apply(new SimulationPropertyAttribute { Seeds = seeds });

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(test.Properties.Get(PropertyNames.SkipReason), Does.StartWith($"[SimulationProperty] Seeds must be at least 1; it was {seeds}"));
    }

    [Test]
    public void Seeds_ShardWithNoCases_IgnoresTheTestSayingSo()
    {
        SimArbitraries.Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "2"), ("SIMLOOP_SHARD", "3/4"));

        TestMethod test = Apply(new SimulationPropertyAttribute());

        Assert.That(test.RunState, Is.EqualTo(RunState.Ignored));
        Assert.That(test.Properties.Get(PropertyNames.SkipReason), Does.StartWith(
            "SimLoop: no cases to run in this process: SIMLOOP_SHARD=3/4 splits 2 cases and this share is empty"));
    }

    [Test]
    public void Seeds_ValidInASuiteBuiltByNUnit_LeavesTheTestRunnable()
    {
        TestSuite suite = new NUnit.Framework.Internal.Builders.DefaultSuiteBuilder().BuildFrom(new TypeWrapper(typeof(PropertyFixture)));
        ITest valid = suite.Tests.Single(t => t.Name == nameof(PropertyFixture.Valid));
        ITest invalid = suite.Tests.Single(t => t.Name == nameof(PropertyFixture.NoSeeds));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(suite.RunState, Is.Not.EqualTo(RunState.NotRunnable), "one bad attribute must not take the fixture down");
            Assert.That(valid.RunState, Is.EqualTo(RunState.Runnable));
            Assert.That(invalid.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(invalid.Properties.Get(PropertyNames.SkipReason), Does.StartWith("[SimulationProperty] Seeds must be at least 1"));
        }
    }

    [TestCase("soon", null, 0, "[SimulationProperty] MaxVirtualTime must be a positive virtual time")]
    [TestCase(null, -2, 0, "[SimulationProperty] TraceCapacity must be 0 (keep no trace entries) or positive; it was -2.")]
    [TestCase(null, null, 5, "[SimulationProperty] Log must be SimulationLogOutput.None, Out or Progress; it was (SimulationLogOutput)5.")]
    public void Options_OutOfRange_MakeTheTestNotRunnableNamingTheProperty(string? maxVirtualTime, int? traceCapacity, int log, string reason)
    {
        var attribute = new SimulationPropertyAttribute { MaxVirtualTime = maxVirtualTime, Log = (SimulationLogOutput)log };
        if (traceCapacity is { } capacity)
        {
            attribute.TraceCapacity = capacity;
        }

        TestMethod test = Apply(attribute);

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(test.Properties.Get(PropertyNames.SkipReason), Does.StartWith(reason));
    }

    [Test]
    public void Options_Valid_LeaveTheTestRunnable()
    {
        TestMethod test = Apply(new SimulationPropertyAttribute { MaxVirtualTime = "1.00:00:00", TraceCapacity = 0, Log = SimulationLogOutput.Progress });

        Assert.That(test.RunState, Is.EqualTo(RunState.Runnable));
    }

    [Test]
    public void Check_InATestWithOptions_AppliesThemAndLogsToTheOutput()
    {
        var limited = new SimCase(4, ScheduleStrategy.Random, FaultPlan.None);
        (Exception? failure, string output) = InTest(nameof(PropertyFixture.WithOptions), () => SimProperty.Check(limited, async _ =>
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(Sim.CreateLogger("Law"), "sleeping");
            await Sim.Yield();
            await Sim.Yield();
            await Sim.Delay(TimeSpan.FromHours(1));
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure, Is.TypeOf<SeedFailureException>());
            Assert.That(failure!.Message, Does.Contain("SimulationLimitException"), "MaxVirtualTime 00:01:00 ended the hour's sleep");
            Assert.That(failure.Message, Does.Match(@"\n  Trace, last 2 of \d+ entries"), "TraceCapacity 2");
            Assert.That(failure.Message, Does.Contain("\n    [00:00:00 #1 'main'] info Law: sleeping"));
            Assert.That(output, Does.Contain("seed 4, Random, faults none: [00:00:00 #1 'main'] info Law: sleeping"));
        }
    }

    [Test]
    public void Check_InATestWithoutOptions_KeepsTheDefaults()
    {
        var simCase = new SimCase(4, ScheduleStrategy.Random, FaultPlan.None);
        (Exception? failure, string output) = InTest(nameof(PropertyFixture.Valid), () => SimProperty.Check(simCase, async _ =>
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(Sim.CreateLogger("Law"), "sleeping");
            await Sim.Delay(TimeSpan.FromHours(1));
        }));

        Assert.That(failure, Is.Null);
        Assert.That(output, Is.Empty);
    }

    // Runs action as the body of the fixture's method would run, in an NUnit context of that test, and returns what
    // it threw and what it wrote to the test's output.
    private static (Exception? Failure, string Output) InTest(string method, Action action)
    {
        var test = new TestMethod(new MethodWrapper(typeof(PropertyFixture), method));
        using (new TestExecutionContext.IsolatedContext())
        {
            TestExecutionContext context = TestExecutionContext.CurrentContext;
            context.CurrentTest = test;
            context.CurrentResult = test.MakeTestResult();
            Exception? failure = null;
            try
            {
                action();
            }
            catch (SeedFailureException e)
            {
                failure = e;
            }

            return (failure, context.CurrentResult.Output);
        }
    }

    private static TestMethod Apply(SimulationPropertyAttribute attribute)
    {
        var test = new TestMethod(new MethodWrapper(typeof(PropertyFixture), nameof(PropertyFixture.Valid)));
        attribute.Check(test);
        return test;
    }

    [Explicit("Built, not run, by SimulationPropertyAttributeTests")]
    public class PropertyFixture
    {
        // NUnit.Analyzers does not know FsCheck supplies the argument.
#pragma warning disable NUnit1027
        [SimulationProperty(Seeds = 10)]
        public static bool Valid(int x) => x >= int.MinValue;

        [SimulationProperty(Seeds = 0)]
        public static bool NoSeeds(int x) => x >= int.MinValue;

        [SimulationProperty(Seeds = 10, MaxVirtualTime = "00:01:00", TraceCapacity = 2, Log = SimulationLogOutput.Out)]
        public static bool WithOptions(int x) => x >= int.MinValue;
#pragma warning restore NUnit1027
    }
}
