using System.Globalization;

namespace SimLoop.Examples.Cli;

// Prints what --explore found: per program its distinct outputs (each against Fifo's, with its seeds and a line
// that replays one of them) and its distinct fingerprints with their seeds; then one table over all programs.
// It prints no wall time, so the same seeds give the same report, byte for byte.
internal static class ExploreReport
{
    public static void WriteProgram(TextWriter writer, Exploration found, long firstSeed)
    {
        string strategy = StrategyNames.Format(found.Strategy);
        long lastSeed = firstSeed + found.Runs - 1;
        writer.WriteLine(
            $"== {found.Note.Name}: {Count(found.Runs, "seed")} ({firstSeed}..{lastSeed}) under {strategy}");
        writer.WriteLine($"{Count(found.Outputs.Count, "distinct output")}, " +
            $"{Count(found.Fingerprints.Count, "distinct fingerprint")}");
        for (int i = 0; i < found.Outputs.Count; i++)
        {
            (IReadOnlyList<string> lines, List<long> seeds) = found.Outputs[i];
            int differing = FifoDifferences.Count(lines, found.Fifo);
            string verdict = differing switch
            {
                0 => "the same as fifo",
                1 => "1 line differs from fifo",
                _ => $"{Text(differing)} lines differ from fifo",
            };
            writer.WriteLine($"output {i + 1}, {verdict}: {Count(seeds.Count, "seed")}: {SeedRanges.Format(seeds)}");
            if (differing > 0)
            {
                foreach (string line in FifoDifferences.Render(lines, found.Fifo))
                {
                    writer.WriteLine("   " + line);
                }

                writer.WriteLine($"   replay: {ReplayLine(found, seeds[0])}");
            }
        }

        foreach ((string fingerprint, List<long> seeds) in found.Fingerprints)
        {
            writer.WriteLine($"fingerprint {fingerprint}: {Count(seeds.Count, "seed")}: {SeedRanges.Format(seeds)}");
        }

        foreach ((long seed, string error) in found.Failures)
        {
            writer.WriteLine($"seed {seed} failed: {error}");
        }
    }

    public static void WriteTable(TextWriter writer, IReadOnlyList<Exploration> explorations)
    {
        List<string[]> rows = [["program", "runs", "outputs", "fingerprints", "differ from fifo", "failed"]];
        rows.AddRange(explorations.Select(found => new[]
        {
            found.Note.Name,
            Text(found.Runs),
            Text(found.Outputs.Count),
            Text(found.Fingerprints.Count),
            Text(found.Outputs.Where(o => FifoDifferences.Differ(o.Lines, found.Fifo)).Sum(o => o.Seeds.Count)),
            Text(found.Failures.Count),
        }));
        int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    public static string ReplayLine(Exploration found, long seed) =>
        "dotnet run --project src/SimLoop.Examples -- " +
        $"--program {found.Note.Name} --strategy {StrategyNames.Format(found.Strategy)} --seed {Text(seed)}";

    private static string Count(long count, string noun) => $"{Text(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
