using System.Globalization;

namespace SimLoop.Seeds.Tests;

public class ShardTests
{
    [TestCase(1000, 1)]
    [TestCase(1000, 3)]
    [TestCase(10, 4)]
    [TestCase(7, 7)]
    [TestCase(3, 5)]
    [TestCase(100_000, 16)]
    public void Shards_EveryK_CoverExactlyTheUnshardedSeeds(int seeds, int shards)
    {
        List<long> unsharded = [.. Plan(seeds, null).Seeds()];
        List<long> sharded = [];
        for (int k = 1; k <= shards; k++)
        {
            sharded.AddRange(Plan(seeds, $"{k}/{shards}").Seeds());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unsharded, Has.Count.EqualTo(seeds));
            Assert.That(sharded, Is.EqualTo(unsharded), "the shares, in order, are the whole range: no seed twice, none missing");
        }
    }

    [Test]
    public void Shards_OfOneRange_DifferFromEachOther()
    {
        IReadOnlyList<long> first = Plan(100, "1/2").Seeds();
        IReadOnlyList<long> second = Plan(100, "2/2").Seeds();

        Assert.That(first.Intersect(second), Is.Empty);
        Assert.That(first, Has.Count.EqualTo(50));
    }

    private static SeedPlan Plan(int seeds, string? shard) =>
        SeedSource.Read(DemoPrograms.Environment(("SIMLOOP_SEEDS", seeds.ToString(CultureInfo.InvariantCulture)), ("SIMLOOP_SHARD", shard ?? "")),
            1, ScheduleStrategy.Random);
}
