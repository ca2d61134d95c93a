namespace SimLoop.Seeds.Tests;

public class SeedCasesTests
{
    [Test]
    public void Cases_IntMaxValueSeeds_AreComputedNotListed()
    {
        SeedPlan plan = SeedSource.Read(DemoPrograms.NoEnvironment, int.MaxValue, ScheduleStrategy.Random);

        var cases = new SeedCases([], plan.Seeds(), plan.Strategy);

        Assert.That((cases.Count, cases[int.MaxValue - 1]), Is.EqualTo((int.MaxValue, new SeedCase(int.MaxValue - 1L, ScheduleStrategy.Random))));
    }

    [Test]
    public void Cases_RecordedSeedsInTheRange_RunFirstAndOnlyOnce()
    {
        SeedCase[] recorded = [new(3, ScheduleStrategy.Random, "file line 3"), new(1, ScheduleStrategy.Random, "file line 4"),
            new(2, ScheduleStrategy.Pct, "file line 5")];

        var cases = new SeedCases(recorded, new SeedRange(0, 6), ScheduleStrategy.Random);

        Assert.That(cases.Select(c => (c.Seed, c.Strategy)), Is.EqualTo(new[]
        {
            (3L, ScheduleStrategy.Random), (1L, ScheduleStrategy.Random), (2L, ScheduleStrategy.Pct),
            (0L, ScheduleStrategy.Random), (2L, ScheduleStrategy.Random), (4L, ScheduleStrategy.Random), (5L, ScheduleStrategy.Random),
        }));
    }

    [Test]
    public void Tally_ManyFailuresOutOfOrder_KeepsTheLowestInOrderAndCountsAll()
    {
        var tally = new SeedTally();
        int total = SeedTally.FailuresKept * 3;
        for (int i = 0; i < total; i++)
        {
            int index = (i * 7919) % total; // every index once, out of order
            tally.Record(index, new SeedOutcome(new SeedCase(index, ScheduleStrategy.Fifo), index % 2 == 0 ? new InvalidOperationException() : null, 0, TimeSpan.Zero));
        }

        IReadOnlyList<SeedOutcome> kept = tally.Failures();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((tally.Ran, tally.Failed), Is.EqualTo((total, total / 2)));
            Assert.That(kept.Select(f => f.Case.Seed), Is.EqualTo(Enumerable.Range(0, SeedTally.FailuresKept).Select(i => 2L * i)));
        }
    }
}
