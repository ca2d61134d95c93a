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

    [Test]
    public void Seeds_LessThanOne_Throws()
    {
        Assert.That(() => new SimulationPropertyAttribute { Seeds = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
