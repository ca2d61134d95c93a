using System.Globalization;

namespace SimLoop.Examples.Cli;

// The table after the programs' output: per program the virtual time it spanned, the wall time it took, its steps
// and its fingerprint, and whether it printed its reference lines (its .out file); then the totals, virtual against wall.
internal static class SummaryTable
{
    private static readonly string[] Headings =
        ["program", "virtual time", "wall time", "steps", "fingerprint", "reference"];

    public static void Write(TextWriter writer, IReadOnlyList<NoteRun> runs)
    {
        List<string[]> rows = [Headings, .. runs.Select(Row)];
        if (runs.Count > 1)
        {
            rows.Add(
            [
                "total",
                VirtualTimeText.Instant(new TimeSpan(runs.Sum(r => r.VirtualElapsed.Ticks))),
                VirtualTimeText.Milliseconds(new TimeSpan(runs.Sum(r => r.WallElapsed.Ticks))),
                runs.Sum(r => r.Steps).ToString(CultureInfo.InvariantCulture),
                string.Empty,
                string.Empty,
            ]);
        }

        int[] widths = [.. Enumerable.Range(0, Headings.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string[] Row(NoteRun run) =>
    [
        run.Note.Name,
        VirtualTimeText.Instant(run.VirtualElapsed),
        VirtualTimeText.Milliseconds(run.WallElapsed),
        run.Steps.ToString(CultureInfo.InvariantCulture),
        run.Fingerprint,
        ReferenceVerdict(run),
    ];

    private static string ReferenceVerdict(NoteRun run)
    {
        if (run.Failure is not null)
        {
            return "failed";
        }

        return GoldenOutput.Read(run.Note.Name) switch
        {
            null => "no .out",
            { } golden => golden.SequenceEqual(run.Texts) ? "same" : "differs",
        };
    }
}
