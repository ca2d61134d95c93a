namespace SimLoop.Seeds.Tests;

public class SeedEnvironmentTests
{
    [Test]
    public void Seeds_NothingSet_AreZeroToCountMinusOne()
    {
        Assert.That(SeedEnvironment.Seeds(4, DemoPrograms.NoEnvironment), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void Seeds_CountAndShardSet_AreThatShareOfTheCount()
    {
        IReadOnlyList<long> seeds = SeedEnvironment.Seeds(20,
            DemoPrograms.Environment(("SIMLOOP_SEEDS", "100"), ("SIMLOOP_SHARD", "4/4")));

        Assert.That(seeds, Is.EqualTo(Enumerable.Range(75, 25).Select(i => (long)i)));
    }

    [Test]
    public void Seeds_SeedSet_IsOnlyThatSeed()
    {
        Assert.That(SeedEnvironment.Seeds(20, DemoPrograms.Environment(("SIMLOOP_SEED", "99"), ("SIMLOOP_SEEDS", "5"))),
            Is.EqualTo(new long[] { 99 }));
    }

    [Test]
    public void Seeds_Malformed_ThrowsNamingTheVariable()
    {
        Assert.That(() => SeedEnvironment.Seeds(20, DemoPrograms.Environment(("SIMLOOP_SHARD", "0/4"))),
            Throws.InvalidOperationException.With.Message.StartWith("SIMLOOP_SHARD='0/4' is not valid"));
    }

    [Test]
    public void Seeds_NegativeCount_Throws()
    {
        Assert.That(() => SeedEnvironment.Seeds(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Seeds_ZeroCount_ThrowsNamingTheArgument()
    {
        Assert.That(() => SeedEnvironment.Seeds(0, DemoPrograms.NoEnvironment), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Property("ParamName").EqualTo("seeds").And.Message.Contains("must be at least 1; it was 0"));
    }

    [Test]
    public void Seeds_ShardWithNoSeeds_IsInconclusiveSayingSo()
    {
        Assert.That(() => SeedEnvironment.Seeds(20, DemoPrograms.Environment(("SIMLOOP_SEEDS", "2"), ("SIMLOOP_SHARD", "3/4"))),
            Throws.TypeOf<InconclusiveException>().With.Message.StartWith(
                "SimLoop: no seeds to run in this process: shard 3/4 of 2 seeds: none."));
    }

    [Test]
    public void Seeds_IntMaxValue_IsComputedNotListed()
    {
        IReadOnlyList<long> seeds = SeedEnvironment.Seeds(int.MaxValue, DemoPrograms.NoEnvironment);

        Assert.That((seeds.Count, seeds[0], seeds[int.MaxValue - 1]), Is.EqualTo((int.MaxValue, 0L, int.MaxValue - 1L)));
    }

    [Test]
    public void Cases_NothingSet_AreTheTestsOwn()
    {
        Assert.That(SeedEnvironment.Cases(500, DemoPrograms.NoEnvironment), Is.EqualTo(500));
    }

    [Test]
    public void Cases_SeedsSet_AreThatMany()
    {
        Assert.That(SeedEnvironment.Cases(500, DemoPrograms.Environment(("SIMLOOP_SEEDS", "100000"))), Is.EqualTo(100_000));
    }

    [Test]
    public void Cases_Sharded_SharesAddUpToTheCount()
    {
        int[] shares = [.. Enumerable.Range(1, 3).Select(k => SeedEnvironment.Cases(500,
            DemoPrograms.Environment(("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", $"{k}/3"))))];

        Assert.That(shares, Is.EqualTo(new[] { 333, 333, 334 }));
    }

    [TestCase("SIMLOOP_SEEDS", "0")]
    [TestCase("SIMLOOP_SEEDS", "lots")]
    [TestCase("SIMLOOP_SHARD", "2/1")]
    public void Cases_Malformed_ThrowsNamingTheVariableAndValue(string variable, string value)
    {
        Assert.That(() => SeedEnvironment.Cases(500, DemoPrograms.Environment((variable, value))),
            Throws.InvalidOperationException.With.Message.StartWith($"{variable}='{value}' is not valid"));
    }

    [Test]
    public void ReplayLine_WithAndWithoutStrategy_NamesTheSeedAndTheCurrentTest()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SeedEnvironment.ReplayLine(12, null), Is.EqualTo(
                "SIMLOOP_SEED=12 dotnet test --filter \"FullyQualifiedName~SeedEnvironmentTests.ReplayLine_WithAndWithoutStrategy_NamesTheSeedAndTheCurrentTest\""));
            Assert.That(SeedEnvironment.ReplayLine(12, ScheduleStrategy.Fifo), Does.StartWith(
                "SIMLOOP_SEED=12 SIMLOOP_STRATEGY=Fifo dotnet test --filter "));
        }
    }
}
