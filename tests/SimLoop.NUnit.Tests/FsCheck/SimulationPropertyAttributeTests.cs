using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

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
#pragma warning restore NUnit1027
    }
}
