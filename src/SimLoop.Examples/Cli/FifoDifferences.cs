namespace SimLoop.Examples.Cli;

// Shows a run's output against the same note's output under Fifo (asyncio's order, CPython's lines): every line
// that differs from the Fifo line at its position is marked, so a reordering under another schedule stands out.
internal static class FifoDifferences
{
    public const string Marker = "<-- fifo printed";

    public static bool Differ(IReadOnlyList<string> lines, IReadOnlyList<string> fifo) => !lines.SequenceEqual(fifo);

    public static int Count(IReadOnlyList<string> lines, IReadOnlyList<string> fifo) =>
        Enumerable.Range(0, Math.Max(lines.Count, fifo.Count)).Count(i => Mark(lines, fifo, i) is not null);

    /// <summary>Renders the lines, each differing one followed by what Fifo printed at that position.</summary>
    public static IEnumerable<string> Render(IReadOnlyList<string> lines, IReadOnlyList<string> fifo)
    {
        int width = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        for (int i = 0; i < Math.Max(lines.Count, fifo.Count); i++)
        {
            string line = i < lines.Count ? lines[i] : "(no line)";
            yield return Mark(lines, fifo, i) is { } mark ? line.PadRight(width) + "   " + mark : line;
        }
    }

    private static string? Mark(IReadOnlyList<string> lines, IReadOnlyList<string> fifo, int index)
    {
        string? line = index < lines.Count ? lines[index] : null;
        string? expected = index < fifo.Count ? fifo[index] : null;
        if (line == expected)
        {
            return null;
        }

        return expected is null ? $"{Marker} nothing here" : $"{Marker} \"{expected}\" here";
    }
}
