using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class RandomStrategyTests
{
    // The choices a seed makes are part of what a seed means: a saved seed or a regressions file must replay the same
    // run after an upgrade. These were computed by an independent implementation of xoshiro256** (seeded through
    // SplitMix64 from seed ^ stream * 0x9E3779B97F4A7C15, stream 1) and Lemire's bounded draw.
    [TestCase(0L, new[] { 1, 4, 1, 0, 4, 1, 1, 3, 3, 4, 4, 1 })]
    [TestCase(1L, new[] { 1, 1, 0, 1, 0, 0, 1, 4, 3, 4, 4, 0 })]
    [TestCase(42L, new[] { 3, 3, 3, 1, 0, 1, 4, 0, 4, 4, 2, 0 })]
    [TestCase(-7L, new[] { 1, 3, 2, 2, 4, 1, 0, 0, 0, 3, 0, 4 })]
    public void NextReadyItem_AmongFive_MakesTheSeedsChoices(long seed, int[] expected)
    {
        var strategy = new RandomStrategy(seed);
        ReadyQueue five = ReadyItems.Queue(5);

        Assert.That(Enumerable.Range(1, 12).Select(step => strategy.NextReadyItem(five, step)), Is.EqualTo(expected));
    }

    [TestCase(0L, new[] { 1, 6, 2, 0, 6, 1, 2, 4 })]
    [TestCase(42L, new[] { 5, 4, 5, 2, 0, 1, 6, 0 })]
    public void NextTimer_AmongSeven_MakesTheSeedsChoices(long seed, int[] expected)
    {
        var strategy = new RandomStrategy(seed);

        Assert.That(Enumerable.Range(1, 8).Select(step => strategy.NextTimer(7, step)), Is.EqualTo(expected));
    }

    [Test]
    public void NextReadyItem_OneCandidate_DrawsNothing()
    {
        // A step with a single ready item is no choice: it must not consume a draw, or the choices that follow shift.
        var strategy = new RandomStrategy(0);
        ReadyQueue one = ReadyItems.Queue(1);
        ReadyQueue five = ReadyItems.Queue(5);

        var choices = new List<int>();
        for (int step = 1; step <= 4; step++)
        {
            Assert.That(strategy.NextReadyItem(one, step), Is.Zero);
            choices.Add(strategy.NextReadyItem(five, step));
        }

        Assert.That(choices, Is.EqualTo(new[] { 1, 4, 1, 0 }));
    }

    [Test]
    public void NextReadyItem_OverManyDraws_ReachesEveryCandidateEvenly()
    {
        var strategy = new RandomStrategy(3);
        ReadyQueue four = ReadyItems.Queue(4);
        int[] counts = new int[4];
        for (int step = 1; step <= 4000; step++)
        {
            counts[strategy.NextReadyItem(four, step)]++;
        }

        Assert.That(counts, Has.All.InRange(900, 1100));
    }
}
