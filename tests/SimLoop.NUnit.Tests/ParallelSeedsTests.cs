namespace SimLoop.Seeds.Tests;

public class ParallelSeedsTests
{
    [TestCase(1, 1)]
    [TestCase(7, 2)]
    [TestCase(1000, 2)]
    [TestCase(100_000, 4)]
    public void Claims_SeveralWorkers_ClaimEveryIndexExactlyOnce(int count, int workers)
    {
        var claims = new SeedClaims(count, workers);
        var claimed = new int[count];
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            while (claims.TryClaim(out int first, out int end))
            {
                for (int i = first; i < end; i++)
                {
                    Interlocked.Increment(ref claimed[i]);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(claimed, Has.All.EqualTo(1));
    }

    [Test]
    public void Claims_LastIndexOfIntMaxValueCases_DoesNotWrap()
    {
        var claims = new SeedClaims(int.MaxValue, 2);
        int ends = 0;
        int last = -1;
        // Jump close to the end by claiming chunks, then check the last claims stop at the count.
        long skip = (int.MaxValue / (long)claims.Chunk) - 2;
        for (long i = 0; i < skip; i++)
        {
            claims.TryClaim(out _, out _);
        }

        while (claims.TryClaim(out int first, out int end))
        {
            ends++;
            last = end;
            Assert.That(first, Is.LessThan(end));
        }

        Assert.That((ends > 0, last, claims.TryClaim(out _, out _)), Is.EqualTo((true, int.MaxValue, false)));
    }

    [Test]
    public void Claims_SmallRun_OneCaseAtATime_LargeRun_ChunksOfAtMost16()
    {
        Assert.That((new SeedClaims(100, 2).Chunk, new SeedClaims(1_000_000, 2).Chunk), Is.EqualTo((1, 16)));
    }

    [Test]
    public void Tally_MergeOfTwoWorkers_KeepsTheLowestFailuresInOrderAndAddsTheCounts()
    {
        var even = new SeedTally();
        var odd = new SeedTally();
        int total = SeedTally.FailuresKept * 3;
        for (int index = total - 1; index >= 0; index--)
        {
            (index % 2 == 0 ? even : odd).Record(index, Outcome(index, failed: index % 3 != 0));
        }

        var merged = new SeedTally();
        merged.Merge(odd);
        merged.Merge(even);
        int[] expected = Enumerable.Range(0, total).Where(i => i % 3 != 0).Take(SeedTally.FailuresKept).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((merged.Ran, merged.Failed), Is.EqualTo((total, total - (total / 3))));
            Assert.That(merged.Failures().Select(f => (int)f.Case.Seed), Is.EqualTo(expected));
        }
    }

    private static SeedOutcome Outcome(int index, bool failed) =>
        new(new SeedCase(index, ScheduleStrategy.Fifo), failed ? new InvalidOperationException() : null, 0, TimeSpan.Zero);
}
