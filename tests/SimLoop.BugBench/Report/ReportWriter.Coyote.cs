using System.Globalization;
using System.Text;
using SimLoop.BugBench.Runner;

namespace SimLoop.BugBench.Report;

internal sealed partial class ReportWriter
{
    private const string NotRun = "Coyote was not run (add `--coyote run` to measure it in the same run)";

    private string CoyoteMethod() => coyote is null
        ? Invariant($"- Coyote: not run. {NotRun}.")
        : Invariant($"""
            - Coyote: each bug's port in `tests/SimLoop.BugBench.Coyote/Ports/` (the same program, `Task.Run` for `Sim.Spawn`,
              `Task.Delay(ms)` for the virtual clock), built, rewritten by `coyote rewrite` (Coyote 1.7.11, a local dotnet
              tool), and run by Coyote's `TestingEngine` inside the rewritten assembly: random and prioritization strategies
              (Coyote's PCT, default priority-change bound), generator seeded with range x {BenchmarkPlan.RangeStride:N0}, at most
              {plan.CoyoteCap:N0} iterations per range, the same {plan.Ranges} ranges; one process per strategy, the two at once.
              Coyote's iterations stand beside SimLoop's seeds: each is one run of the program.
            """);

    public string Targets() => TargetsSection() + ComparisonSection();

    private string TargetsSection()
    {
        List<TargetCheck> checks = [.. plan.Bugs.Select(bug => TargetCheck.For(bug, results, coyote))];
        var text = new StringBuilder("## Targets\n\nEach judged bug by bug; the table below says which holds where.\n\n");
        text.AppendLine(Line("The portfolio's median seeds to the first failure at most Coyote's best strategy's median iterations",
                checks, c => c.Seeds, c => $"{c.Bug.Name} ({SeedsOf(c.Bug)} vs {CoyoteSeeds(c.Bug)})", coyote is null))
            .AppendLine(Line(Invariant($"The portfolio's median wall time to the first failure at least {TargetCheck.WallTimeRatio:0}x below Coyote's best median"),
                checks, c => c.WallTime, c => $"{c.Bug.Name} ({Ratio(c.Bug)})", coyote is null))
            .AppendLine(Line("Every failure found replays exactly", checks, c => c.Replays, c => c.Bug.Name, false))
            .AppendLine(Line("Every bug stays silent in Fifo order", checks, c => c.FifoSilent, c => c.Bug.Name, false))
            .AppendLine(Line("Pct's median seeds at or below Random's on the bugs PCT is built for (depth 1 to 3)",
                checks, c => c.PctAtMostRandom, c => $"{c.Bug.Name} (Pct {Seeds(ScheduleStrategy.Pct, c.Bug)} vs Random {Seeds(ScheduleStrategy.Random, c.Bug)})", false));
        if (coyote is not null)
        {
            List<double> ratios = [.. plan.Bugs.Select(RatioValue).OfType<double>()];
            if (ratios.Count > 0)
            {
                text.AppendLine(Invariant($"- Wall time, Coyote's best median over the portfolio's, where both found the bug: {ratios.Min():0}x to {ratios.Max():0}x."));
            }
        }

        text.Append(Why(checks));
        text.AppendLine().AppendLine("| bug | depth | seeds: portfolio ≤ Coyote's best | wall time: 10x below Coyote's best | replays exactly | silent in Fifo | Pct ≤ Random |")
            .AppendLine("| --- | ---: | --- | --- | --- | --- | --- |");
        foreach (TargetCheck c in checks)
        {
            text.AppendLine(Invariant($"| {c.Bug.Name} | {c.Bug.Depth} | {Verdict(c.Seeds)} ({SeedsOf(c.Bug)} vs {CoyoteSeeds(c.Bug)}) | {Verdict(c.WallTime)} ({Ratio(c.Bug)}) | {Verdict(c.Replays)} | {Verdict(c.FifoSilent)} | {(TargetCheck.IsPctTarget(c.Bug) ? Verdict(c.PctAtMostRandom) : "–")} |"));
        }

        return text.AppendLine().ToString();
    }

    // Why a target is missed, where the reason is the design's rather than one bug's: said only when it is missed.
    private string Why(List<TargetCheck> checks)
    {
        var text = new StringBuilder();
        if (checks.Any(c => c.Seeds == false))
        {
            text.AppendLine()
                .AppendLine("Why the seeds target is missed where it is: the portfolio gives each member every third seed, so on a bug its best")
                .AppendLine("member finds at the first seed it needs about three, and on a bug only one member finds quickly it needs about three")
                .AppendLine("times that member's seeds; Coyote's column is the better of two strategies picked after the fact, bug by bug.")
                .AppendLine("Where Coyote's random is ahead of every SimLoop strategy, the two are not choosing among the same things: Coyote")
                .AppendLine("adds a scheduling point wherever an operation is created (each `Task.Run`, each continuation posted, each waiter")
                .AppendLine("released) and where one completes, so it can switch tasks inside what is one step of SimLoop's loop (a spawn, or a")
                .AppendLine("release followed by more code), and a window one step wide here spans several of its points. SimLoop's choices are")
                .AppendLine("the continuations .NET actually posts to the one thread, the order a single-threaded program can really run in.");
            List<TargetCheck> missed = [.. checks.Where(c => c.Seeds == false)];
            List<string> beyond = [.. missed.Where(c => !AnyMemberReaches(c.Bug))
                .Select(c => $"{c.Bug.Name} (Random {Seeds(ScheduleStrategy.Random, c.Bug)}, Pct {Seeds(ScheduleStrategy.Pct, c.Bug)} vs {CoyoteSeeds(c.Bug)})")];
            if (beyond.Count > 0)
            {
                text.AppendLine().AppendLine(Invariant(
                    $"On {beyond.Count} of the {missed.Count} bugs where it is missed, neither Random nor Pct alone reaches Coyote's best median either, and a portfolio's chance of a failure per seed is the average of its members': {string.Join(", ", beyond)}."));
            }
        }

        if (checks.Any(c => c.PctAtMostRandom == false))
        {
            text.AppendLine()
                .AppendLine("Why Pct trails Random where it does: these programs make 4 to 30 real choices, and the bugs where it trails need")
                .AppendLine("one task preempted at one particular choice while another runs a few steps (reorder: a checker between one setter's")
                .AppendLine("two writes). Random opens such a window with probability about 1/2 at each choice; Pct runs the highest-priority")
                .AppendLine("task until a change point, so it must also rank the tasks right and put one of its 1 to 4 change points on that")
                .AppendLine("very choice, out of a horizon as long as the longest run before it.");
            List<string> ahead = [.. plan.Bugs.Where(PctAhead).Select(b => $"{b.Name} (Pct {Seeds(ScheduleStrategy.Pct, b)} vs Random {Seeds(ScheduleStrategy.Random, b)})")];
            if (ahead.Count > 0)
            {
                text.AppendLine().AppendLine(Invariant($"Pct is well ahead (at most half Random's median) on {string.Join(", ", ahead)}."));
            }

            List<TargetCheck> trailing = [.. checks.Where(c => c.PctAtMostRandom == false && Coyote(c.Bug, "random") is not null && Coyote(c.Bug, "prioritization") is not null)];
            List<string> theirsToo = [.. trailing.Where(c => CoyotePctTrails(c.Bug))
                .Select(c => $"{c.Bug.Name} ({Iterations(Coyote(c.Bug, "prioritization"))} vs {Iterations(Coyote(c.Bug, "random"))})")];
            if (trailing.Count > 0)
            {
                text.AppendLine().AppendLine(Invariant(
                    $"Coyote's PCT does the same against its own random, measured in this run: on {theirsToo.Count} of these {trailing.Count} bugs its prioritization needs more iterations than its random{(theirsToo.Count > 0 ? ": " + string.Join(", ", theirsToo) : string.Empty)}."));
            }
        }

        return text.ToString();
    }

    private bool AnyMemberReaches(IBug bug)
    {
        double best = (coyote ?? []).Where(c => c.Bug == bug.Name).Min(c => c.MedianIterations ?? double.PositiveInfinity);
        return new[] { ScheduleStrategy.Random, ScheduleStrategy.Pct }.Any(s => Result(bug, s)?.MedianSeeds is double m && m <= best);
    }

    private bool CoyotePctTrails(IBug bug) =>
        (Coyote(bug, "prioritization")?.MedianIterations ?? double.PositiveInfinity) > (Coyote(bug, "random")?.MedianIterations ?? double.PositiveInfinity);

    private bool PctAhead(IBug bug)
    {
        double? pct = Result(bug, ScheduleStrategy.Pct)?.MedianSeeds;
        double? random = Result(bug, ScheduleStrategy.Random)?.MedianSeeds;
        return pct is double p && (random is null || p * 2 <= random.Value) && Result(bug, ScheduleStrategy.Random) is not null;
    }

    private string ComparisonSection()
    {
        var text = new StringBuilder("## SimLoop and Coyote, side by side\n\n")
            .AppendLine("Median seeds (SimLoop) or iterations (Coyote) to the first failure over the ranges, with the ranges that found the bug")
            .AppendLine("where some did not, and the median wall time to the first failure.")
            .AppendLine()
            .AppendLine("| bug | Random | Pct | Portfolio | Coyote random | Coyote prioritization | Portfolio wall time | Coyote random wall time | Coyote prioritization wall time |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (IBug bug in plan.Bugs)
        {
            BugResult? portfolio = Result(bug, ScheduleStrategy.Portfolio);
            CoyoteResult? random = Coyote(bug, "random");
            CoyoteResult? prioritization = Coyote(bug, "prioritization");
            text.AppendLine(Invariant($"| {bug.Name} | {Seeds(ScheduleStrategy.Random, bug)} | {Seeds(ScheduleStrategy.Pct, bug)} | {Seeds(ScheduleStrategy.Portfolio, bug)} | {Iterations(random)} | {Iterations(prioritization)} | {Time(portfolio?.MedianMilliseconds, portfolio is not null)} | {Time(random?.MedianMilliseconds, random is not null)} | {Time(prioritization?.MedianMilliseconds, prioritization is not null)} |"));
        }

        if (coyote is null)
        {
            text.AppendLine().AppendLine(NotRun + ".");
        }

        return text.AppendLine().ToString();
    }

    private static string Line(string target, List<TargetCheck> checks, Func<TargetCheck, bool?> verdict,
        Func<TargetCheck, string> missed, bool coyoteMissing)
    {
        if (coyoteMissing)
        {
            return $"- {target}: not judged, {NotRun}.";
        }

        List<TargetCheck> judged = [.. checks.Where(c => verdict(c) is not null)];
        List<TargetCheck> misses = [.. judged.Where(c => verdict(c) == false)];
        string outcome = misses.Count == 0 ? "**holds**" : "**missed**";
        string where = misses.Count == 0 ? string.Empty : "; missed on " + string.Join(", ", misses.Select(missed));
        return Invariant($"- {target}: {outcome} (holds on {judged.Count - misses.Count} of {judged.Count} bugs{where}).");
    }

    private static string Verdict(bool? holds) => holds switch
    {
        true => "holds",
        false => "**missed**",
        null => "not judged",
    };

    private string SeedsOf(IBug bug) => Seeds(ScheduleStrategy.Portfolio, bug);

    private string Seeds(ScheduleStrategy strategy, IBug bug) => Result(bug, strategy) is { } result
        ? Count(result.MedianSeeds, result.RangesFound, result.Searches.Count)
        : "not run";

    private string CoyoteSeeds(IBug bug)
    {
        List<CoyoteResult> theirs = [.. (coyote ?? []).Where(c => c.Bug == bug.Name)];
        if (theirs.Count == 0)
        {
            return "Coyote not run";
        }

        CoyoteResult best = theirs.MinBy(c => c.MedianIterations ?? double.PositiveInfinity)!;
        return Iterations(best) + " " + (best.Strategy == "random" ? "random" : "prioritization");
    }

    private static string Iterations(CoyoteResult? result) => result is null
        ? "–"
        : Count(result.MedianIterations, result.RangesFound, result.Ranges.Count);

    private static string Count(double? median, int found, int ranges) =>
        (median is double m ? m.ToString("0.#", CultureInfo.InvariantCulture) : "not found")
        + (found < ranges ? Invariant($" ({found}/{ranges})") : string.Empty);

    private double? RatioValue(IBug bug)
    {
        double? ours = Result(bug, ScheduleStrategy.Portfolio)?.MedianMilliseconds;
        List<double> theirs = [.. (coyote ?? []).Where(c => c.Bug == bug.Name).Select(c => c.MedianMilliseconds).OfType<double>()];
        return ours is double o && o > 0 && theirs.Count > 0 ? theirs.Min() / o : null;
    }

    private string Ratio(IBug bug)
    {
        double? ours = Result(bug, ScheduleStrategy.Portfolio)?.MedianMilliseconds;
        List<double> theirs = [.. (coyote ?? []).Where(c => c.Bug == bug.Name).Select(c => c.MedianMilliseconds).OfType<double>()];
        if (coyote is null)
        {
            return Invariant($"{Time(ours, true)} vs Coyote not run");
        }

        if (ours is null || theirs.Count == 0)
        {
            return Invariant($"{Time(ours, true)} vs {(theirs.Count == 0 ? "not found" : Milliseconds(theirs.Min()))}");
        }

        return Invariant($"{Milliseconds(ours.Value)} vs {Milliseconds(theirs.Min())}, {RatioValue(bug):0}x");
    }

    private CoyoteResult? Coyote(IBug bug, string strategy) =>
        coyote?.FirstOrDefault(c => c.Bug == bug.Name && c.Strategy == strategy);

    private static string Time(double? milliseconds, bool run) =>
        !run ? "–" : milliseconds is double ms ? Milliseconds(ms) : "not found";

    private static string Milliseconds(double ms) => ms switch
    {
        < 1 => Invariant($"{ms:0.00} ms"),
        < 100 => Invariant($"{ms:0.0} ms"),
        < 10_000 => Invariant($"{ms:0} ms"),
        _ => Invariant($"{ms / 1000:0} s"),
    };

    private static string Shorten(string report) => report.Length <= 200 ? report : report[..200] + "…";
}
