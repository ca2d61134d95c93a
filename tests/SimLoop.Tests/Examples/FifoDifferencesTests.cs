using SimLoop.Examples.Cli;

namespace SimLoop.Tests.Examples;

[TestFixture]
public sealed class FifoDifferencesTests
{
    private static readonly string[] Fifo = ["a", "bb", "c"];

    [Test]
    public void Render_SameLines_NoMark()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FifoDifferences.Render(Fifo, Fifo), Is.EqualTo(Fifo));
            Assert.That(FifoDifferences.Count(Fifo, Fifo), Is.Zero);
            Assert.That(FifoDifferences.Differ(Fifo, Fifo), Is.False);
        }
    }

    [Test]
    public void Render_SwappedLines_MarksBothWithFifosLine()
    {
        string[] lines = ["a", "c", "bb"];

        string[] expected = ["a", "c    <-- fifo printed \"bb\" here", "bb   <-- fifo printed \"c\" here"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FifoDifferences.Render(lines, Fifo), Is.EqualTo(expected));
            Assert.That(FifoDifferences.Count(lines, Fifo), Is.EqualTo(2));
            Assert.That(FifoDifferences.Differ(lines, Fifo), Is.True);
        }
    }

    [Test]
    public void Render_ExtraAndMissingLines_MarkedAsSuch()
    {
        string[] longer = ["a", "bb", "c", "d"];
        string[] shorter = ["a"];

        string[] longerExpected = ["a", "bb", "c", "d    <-- fifo printed nothing here"];
        string[] shorterExpected =
            ["a", "(no line)   <-- fifo printed \"bb\" here", "(no line)   <-- fifo printed \"c\" here"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FifoDifferences.Render(longer, Fifo), Is.EqualTo(longerExpected));
            Assert.That(FifoDifferences.Render(shorter, Fifo), Is.EqualTo(shorterExpected));
        }
    }
}
