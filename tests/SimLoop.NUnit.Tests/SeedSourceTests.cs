namespace SimLoop.Seeds.Tests;

public class SeedSourceTests
{
    [TestCase("3/2", "k must not exceed n")]
    [TestCase("0/4", "k counts from 1")]
    [TestCase("1/0", "n must be at least 1")]
    [TestCase("abc", "k/n")]
    [TestCase("1/2/3", "k/n")]
    [TestCase("-1/2", "k/n")]
    [TestCase("1 / 2", "k/n")]
    public void Shard_Malformed_ThrowsNamingVariableAndValue(string value, string rule)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SeedSource.ReadShard(value));
        Assert.That(e.Message, Does.StartWith($"SIMLOOP_SHARD='{value}' is not valid").And.Contain(rule));
    }

    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("abc")]
    [TestCase("1e3")]
    [TestCase("99999999999")]
    public void Seeds_Malformed_ThrowsNamingVariableAndValue(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SeedSource.ReadSeeds(value));
        Assert.That(e.Message, Does.StartWith($"SIMLOOP_SEEDS='{value}' is not valid").And.Contain("whole number"));
    }

    [TestCase("12x")]
    [TestCase("0x10")]
    [TestCase("1.5")]
    public void Seed_Malformed_ThrowsNamingVariableAndValue(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SeedSource.ReadSeed(value));
        Assert.That(e.Message, Does.StartWith($"SIMLOOP_SEED='{value}' is not valid"));
    }

    [TestCase("1")]
    [TestCase("Chaos")]
    public void Strategy_Malformed_ThrowsListingTheStrategies(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SeedSource.ReadStrategy(value));
        Assert.That(e.Message, Does.StartWith($"SIMLOOP_STRATEGY='{value}' is not valid").And.Contain("Fifo, Random, Pct"));
    }

    [Test]
    public void Read_WellFormedValues_AreParsed()
    {
        SeedPlan plan = SeedSource.Read(DemoPrograms.Environment(
            ("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", "2/4"), ("SIMLOOP_STRATEGY", "pct")), 10, ScheduleStrategy.Random);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Replay, Is.Null);
            Assert.That(plan.Count, Is.EqualTo(1000));
            Assert.That(plan.Shard, Is.EqualTo(new Shard(2, 4)));
            Assert.That(plan.Strategy, Is.EqualTo(ScheduleStrategy.Pct));
            Assert.That(plan.Seeds(), Is.EqualTo(Enumerable.Range(250, 250).Select(i => (long)i)));
            Assert.That(plan.Describe(), Is.EqualTo("shard 2/4 of 1000 seeds: 250..499"));
        }
    }

    [Test]
    public void Read_NothingSet_UsesTheTestsOwnSettings()
    {
        SeedPlan plan = SeedSource.Read(DemoPrograms.NoEnvironment, 7, ScheduleStrategy.Fifo);

        Assert.That(plan.Seeds(), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5, 6 }));
        Assert.That(plan.Strategy, Is.EqualTo(ScheduleStrategy.Fifo));
    }

    [Test]
    public void Read_EmptyValues_CountAsUnset()
    {
        SeedPlan plan = SeedSource.Read(DemoPrograms.Environment(
            ("SIMLOOP_SEED", ""), ("SIMLOOP_SEEDS", " "), ("SIMLOOP_SHARD", ""), ("SIMLOOP_STRATEGY", "")), 3, ScheduleStrategy.Random);

        Assert.That(plan.Seeds(), Is.EqualTo(new long[] { 0, 1, 2 }));
    }

    [Test]
    public void Read_SeedSet_ReplaysOnlyThatSeed()
    {
        SeedPlan plan = SeedSource.Read(DemoPrograms.Environment(
            ("SIMLOOP_SEED", "-1234"), ("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", "3/4")), 10, ScheduleStrategy.Random);

        Assert.That(plan.Seeds(), Is.EqualTo(new long[] { -1234 }));
    }

    [Test]
    public void Read_MalformedVariableAmongGoodOnes_StillThrows()
    {
        Func<string, string?> environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "100"), ("SIMLOOP_SHARD", "5/4"));

        Assert.That(() => SeedSource.Read(environment, 10, ScheduleStrategy.Random),
            Throws.InvalidOperationException.With.Message.Contains("SIMLOOP_SHARD='5/4'"));
    }
}
