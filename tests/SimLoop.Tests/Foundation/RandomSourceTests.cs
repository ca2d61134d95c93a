namespace SimLoop.Tests.Foundation;

public class RandomSourceTests
{
    // A source that returns the 64-bit words it is given, so a bounded draw's arithmetic can be checked by hand.
    private sealed class Scripted(params ulong[] words) : RandomSource
    {
        private int _next;

        public override ulong NextUInt64() => words[_next++];
    }

    [Test]
    public void NextBelow_IsTheHighWordOfTheProduct() =>
        Assert.That(new Scripted((1UL << 63) + 1).NextBelow(10), Is.EqualTo(5));   // (2^63 + 1) * 10 = 5 * 2^64 + 10

    [Test]
    public void NextBelow_ADrawInTheBiasedZone_IsRejectedAndDrawnAgain()
    {
        // For a bound of 3, 2^64 mod 3 = 1: a draw whose low word is 0 would make 0 a little likelier, so Lemire's
        // method draws again. The second word, 2^63, gives 3 * 2^63 = 1 * 2^64 + 2^63: the result 1.
        var source = new Scripted(0, 1UL << 63);

        Assert.That(source.NextBelow(3), Is.EqualTo(1));
    }

    [Test]
    public void NextBelow_ALowWordAboveTheThreshold_IsKept()
    {
        // 2^62 * 3 = 0 * 2^64 + 3 * 2^62: low word far above the threshold of 1, so no second draw (there is none).
        Assert.That(new Scripted(1UL << 62).NextBelow(3), Is.Zero);
    }

    [Test]
    public void NextBelow_ALowWordEqualToTheThreshold_IsKept()
    {
        // 0xAAAAAAAAAAAAAAAB * 3 = 2 * 2^64 + 1: the low word is exactly the threshold (1), which is not biased.
        Assert.That(new Scripted(0xAAAAAAAAAAAAAAABUL).NextBelow(3), Is.EqualTo(2));
    }

    [Test]
    public void NextBelow_Zero_IsAnInvariantFailure() =>
        Assert.That(() => new Scripted(1).NextBelow(0), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("at least one candidate"));

    [Test]
    public void NextDouble_UsesTheTop53Bits() =>
        Assert.That(new Scripted(ulong.MaxValue).NextDouble(), Is.EqualTo(1.0 - Math.Pow(2, -53)));
}
