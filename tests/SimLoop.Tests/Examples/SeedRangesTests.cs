using SimLoop.Examples.Cli;

namespace SimLoop.Tests.Examples;

[TestFixture]
public sealed class SeedRangesTests
{
    [TestCase(new long[] { 0 }, "0")]
    [TestCase(new long[] { 0, 1, 2, 5, 7, 8 }, "0..2, 5, 7..8")]
    [TestCase(new long[] { 8, 7, 0, 2, 1 }, "0..2, 7..8")]
    [TestCase(new long[] { -3, -2, 4 }, "-3..-2, 4")]
    [TestCase(new long[] { 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25, 26 },
        "0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, and 3 more")]
    public void Format_Seeds_RangesInOrder(long[] seeds, string expected)
    {
        Assert.That(SeedRanges.Format(seeds), Is.EqualTo(expected));
    }
}
