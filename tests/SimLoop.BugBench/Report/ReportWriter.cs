using System.Globalization;
using System.Text;
using SimLoop.BugBench.Runner;

namespace SimLoop.BugBench.Report;

/// <summary>Writes the benchmark's results as Markdown: docs/bug-benchmark.md and the worked example, docs/README-bugs.md.</summary>
internal sealed partial class ReportWriter(BenchmarkPlan plan, IReadOnlyList<BugResult> results,
    IReadOnlyList<CoyoteResult>? coyote, string command, TimeSpan elapsed)
{
    private const int DepartureGoal = 3;

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine("# Bug-finding benchmark")
            .AppendLine()
            .AppendLine("Classic concurrency bugs written as ordinary async C# (SemaphoreSlim, Channel, TaskCompletionSource,")
            .AppendLine("CancellationToken, Task.Yield, WaitAsync on the virtual clock), each found by SimLoop's strategies from a seed,")
            .AppendLine("replayed from its recorded schedule, and minimized to its departures from Fifo order.")
            .AppendLine("The bugs live in `tests/SimLoop.BugBench/Bugs/`, one file each. This file is generated: do not edit it by hand.")
            .AppendLine()
            .AppendLine(Invariant($"- Command: `{command}` ({elapsed.TotalSeconds:F0} s wall time)"))
            .AppendLine(Invariant($"- Machine: {MachineInfo.Describe()}; {plan.Threads} worker threads"))
            .AppendLine(Invariant($"- Method: {plan.Ranges} independent seed ranges per bug and strategy{(plan.FirstRange > 0 ? $", ranges {plan.FirstRange} to {plan.FirstRange + plan.Ranges - 1}" : string.Empty)} (range r is seeds r x {BenchmarkPlan.RangeStride:N0} onwards),"))
            .AppendLine(Invariant($"  at most {plan.Cap:N0} seeds each; the first failure of every range is rerun recording its schedule, replayed {plan.Replays} times"))
            .AppendLine("  (same exception type and message each time), and minimized with `ScheduleMinimizer.Minimize`.")
            .AppendLine("  Schedule size is the number of real choices (steps where more than one ready item or due timer could go).")
            .AppendLine("  Each range is one seed batch, as in a test: Pct (alone or in the portfolio) draws its change points over the")
            .AppendLine("  longest run, in real choices, of the seeds before (in blocks of doubling size: seed 0 draws its horizon from the")
            .AppendLine("  seed, seed 1 uses seed 0's length, seeds 2-3 the longest of 0-1, and so on), as a test run's seeds do.")
            .AppendLine("  Fifo ignores the seed: it runs once, to show that finding each bug needs exploration.")
            .AppendLine("  Wall time to the first failure is measured per range, from its first seed to the end of the failing run,")
            .AppendLine(Invariant($"  with {plan.Threads} ranges searched at once, one thread each, on the machine's {Environment.ProcessorCount} cores."))
            .AppendLine(CoyoteMethod())
            .AppendLine()
            .AppendLine(Summary())
            .Append(TargetsSection())
            .AppendLine("## The bugs")
            .AppendLine()
            .AppendLine("Depth is the number of ordering constraints between tasks the failure needs, as PCT counts bug depth;")
            .AppendLine("0 where what decides it is which of two timers due at the same instant fires first.")
            .AppendLine()
            .AppendLine("| bug | from | what goes wrong | depth | fails with | Fifo |")
            .AppendLine("| --- | --- | --- | ---: | --- | --- |");
        foreach (IBug bug in plan.Bugs)
        {
            BugResult? fifo = Result(bug, ScheduleStrategy.Fifo);
            string fifoCell = fifo is null ? "not run" : fifo.RangesFound > 0 ? "**fails**" : "silent";
            text.AppendLine(Invariant($"| {bug.Name} | {bug.Origin} | {bug.Description} | {bug.Depth} | `{bug.Failure.Name}` | {fifoCell} |"));
        }

        foreach ((IBug bug, string reason) in BugCatalog.Blocked)
        {
            text.AppendLine(Invariant($"| {bug.Name} | {bug.Origin} | {bug.Description} | {bug.Depth} | `{bug.Failure.Name}` | not run: blocked by a core bug |"));
        }

        if (BugCatalog.Blocked.Count > 0)
        {
            text.AppendLine().AppendLine("Left out until the core is fixed (run it by name with `--bugs`):").AppendLine();
            foreach ((IBug bug, string reason) in BugCatalog.Blocked)
            {
                text.AppendLine(Invariant($"- **{bug.Name}**: {reason}"));
            }
        }

        text.AppendLine().Append(ComparisonSection()).Append(Tables());
        text.AppendLine("## Minimized schedules, explained").AppendLine()
            .AppendLine("The first failure Pct found (range 0) for each bug, minimized:").AppendLine();
        foreach (IBug bug in plan.Bugs)
        {
            FailureAnalysis? first = Result(bug, ScheduleStrategy.Pct)?.Found.FirstOrDefault();
            if (first?.Minimized is { } minimized)
            {
                text.AppendLine(Invariant($"**{bug.Name}** (Pct seed {first.Seed}, {first.Choices} choices, {Plural(minimized.OriginalDepartures, "departure")} before minimization, {minimized.Runs} minimizer runs):"))
                    .AppendLine().AppendLine("```").AppendLine(minimized.Explain()).AppendLine("```").AppendLine();
            }
        }

        return text.Append(Anomalies()).ToString();
    }

    public string Tables()
    {
        var text = new StringBuilder();
        foreach (ScheduleStrategy strategy in plan.Strategies.Where(s => s != ScheduleStrategy.Fifo))
        {
            text.AppendLine(Invariant($"## {strategy}")).AppendLine()
                .AppendLine(Invariant($"| bug | seeds to first failure, median / worst | wall time to first failure, median | ranges that found it | schedule size (choices), failing → minimized | departures from Fifo, failing → minimized (median, max) | replays {plan.Replays}/{plan.Replays} | minimizer runs (median) |"))
                .AppendLine("| --- | ---: | ---: | ---: | --- | --- | --- | ---: |");
            foreach (IBug bug in plan.Bugs)
            {
                if (Result(bug, strategy) is { } result)
                {
                    text.AppendLine(Row(result));
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Row(BugResult result)
    {
        List<FailureAnalysis> found = [.. result.Found];
        List<MinimizedSchedule> minimized = [.. found.Select(f => f.Minimized).OfType<MinimizedSchedule>()];
        string seeds = result.MedianSeeds is double median
            ? Invariant($"{median:0.#} / {(result.WorstSeeds is int worst ? worst.ToString(CultureInfo.InvariantCulture) : "not found")}")
            : "not found";
        string size = found.Count == 0 ? "–"
            : Invariant($"{Median(found.Select(f => (double)f.Choices)):0.#} → {(minimized.Count == 0 ? "–" : Median(minimized.Select(m => (double)m.Schedule.Choices.Count)).ToString("0.#", CultureInfo.InvariantCulture))}");
        string departures = minimized.Count == 0 ? "–"
            : Invariant($"{Median(minimized.Select(m => (double)m.OriginalDepartures)):0.#} → {Median(minimized.Select(m => (double)m.Departures.Count)):0.#}, max {minimized.Max(m => m.Departures.Count)}");
        int replayed = found.Count(f => f.Replays == f.ReplayRuns && f.ReplayRuns > 0);
        string replays = found.Count == 0 ? "–" : replayed == found.Count ? $"yes, {replayed} of {found.Count} failures" : $"**no**: {replayed} of {found.Count} failures";
        string runs = minimized.Count == 0 ? "–" : Invariant($"{Median(minimized.Select(m => (double)m.Runs)):0.#}");
        string time = result.MedianMilliseconds is double ms ? Milliseconds(ms) : "–";
        return Invariant($"| {result.Bug.Name} | {seeds} | {time} | {result.RangesFound}/{result.Searches.Count} | {size} | {departures} | {replays} | {runs} |");
    }

    private string Summary()
    {
        List<BugResult> pct = [.. results.Where(r => r.Strategy == ScheduleStrategy.Pct)];
        if (pct.Count == 0)
        {
            return string.Empty;
        }

        int foundAll = pct.Count(r => r.WorstSeeds is not null);
        List<MinimizedSchedule> firsts = [.. pct.Select(r => r.Found.FirstOrDefault()?.Minimized).OfType<MinimizedSchedule>()];
        int small = pct.Count(r => r.Found.Any() && r.Found.All(f => f.Minimized is { } m && m.Departures.Count <= DepartureGoal));
        bool allReplay = results.SelectMany(r => r.Found).All(f => f.Replays == f.ReplayRuns);
        return Invariant($"""
            ## Summary

            - Pct finds {foundAll} of {pct.Count} bugs in every one of the {plan.Ranges} ranges within {plan.Cap:N0} seeds.
            - Minimization leaves at most {DepartureGoal} departures from Fifo for every failure of {small} of {pct.Count} bugs under Pct.
            - Every failing schedule found replayed {plan.Replays} times out of {plan.Replays}: {(allReplay ? "yes" : "**no**, see the anomalies")}.

            """);
    }

    public string AnomalyList() => Anomalies();

    private string Anomalies()
    {
        List<string> lines = [.. results.SelectMany(r => r.Anomalies.Select(a => $"- {r.Bug.Name}, {r.Strategy}: {a}"))];
        lines.AddRange((coyote ?? []).SelectMany(c => c.Anomalies.Select(a => $"- {c.Bug}, Coyote {c.Strategy}: {Shorten(a)}")));
        return "## Anomalies\n\nRuns that ended with an exception other than the bug's, replays that differed, minimizer errors:\n\n" +
            (lines.Count == 0 ? "None.\n" : string.Join('\n', lines.Take(40)) + "\n");
    }

    private BugResult? Result(IBug bug, ScheduleStrategy strategy) =>
        results.FirstOrDefault(r => r.Bug == bug && r.Strategy == strategy);

    private static double Median(IEnumerable<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
