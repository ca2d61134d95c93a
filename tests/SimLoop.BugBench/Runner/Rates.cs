using System.Collections.Concurrent;
using System.Globalization;

namespace SimLoop.BugBench.Runner;

/// <summary>Diagnosis: seeds to the first failure for each bug under strategies and Pct depths given as
/// <c>Random</c>, <c>Pct:2</c>, <c>Portfolio</c>, or one member of the portfolio alone on its own seeds, such as
/// <c>Portfolio=pos</c> (the name after "portfolio: " in <see cref="SimulationOptions.DescribeStrategy"/>), over many ranges and without replaying or minimizing, so a strategy's
/// per-seed chance on a bug can be read from the mean (about 1 / p) as well as the median.</summary>
internal static class Rates
{
    /// <summary>Runs ranges <paramref name="firstRange"/> .. + <paramref name="ranges"/> - 1 of every bug under every
    /// variant and writes one line per pair: median, mean and worst seeds, and the ranges that found the bug.</summary>
    public static void Run(IReadOnlyList<IBug> bugs, IReadOnlyList<string> variants, int firstRange, int ranges, int cap,
        int threads, TextWriter output)
    {
        var parsed = variants.Select(Parse).ToList();
        var work = new ConcurrentQueue<(int Bug, int Variant, int Range)>(
            from b in Enumerable.Range(0, bugs.Count)
            from v in Enumerable.Range(0, parsed.Count)
            from r in Enumerable.Range(0, ranges)
            select (b, v, r));
        var seeds = new int?[bugs.Count, parsed.Count, ranges];
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (work.TryDequeue(out var item))
            {
                (ScheduleStrategy strategy, int depth, string? member) = parsed[item.Variant];
                SeedSearch search = SeedSearch.Run(bugs[item.Bug], strategy,
                    (firstRange + item.Range) * BenchmarkPlan.RangeStride, cap, depth, member);
                seeds[item.Bug, item.Variant, item.Range] = search.FailingSeed is null ? null : search.SeedsRun;
            }
        }) { IsBackground = true, Name = "bugbench-rates" }).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        output.WriteLine($"ranges {firstRange}..{firstRange + ranges - 1}, cap {cap}: median / mean / worst seeds (found)");
        for (int b = 0; b < bugs.Count; b++)
        {
            var cells = new List<string>();
            for (int v = 0; v < parsed.Count; v++)
            {
                List<int?> column = [.. Enumerable.Range(0, ranges).Select(r => seeds[b, v, r])];
                List<int> found = [.. column.Where(s => s is not null).Select(s => s!.Value)];
                double? median = Medians.Of([.. column.Select(s => (double?)s)]);
                string mean = found.Count == 0 ? "-" : found.Average().ToString("F1", CultureInfo.InvariantCulture);
                cells.Add($"{variants[v]} {(median is null ? "-" : median.Value.ToString("0.#", CultureInfo.InvariantCulture))}" +
                    $" / {mean} / {(found.Count == 0 ? "-" : found.Max())} ({found.Count})");
            }

            output.WriteLine($"{bugs[b].Name,-20} {string.Join("  |  ", cells)}");
        }
    }

    private static (ScheduleStrategy Strategy, int Depth, string? Member) Parse(string variant)
    {
        string[] member = variant.Split('=', 2);
        string[] parts = member[0].Split(':');
        return (Enum.Parse<ScheduleStrategy>(parts[0]), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0,
            member.Length > 1 ? member[1] : null);
    }
}
