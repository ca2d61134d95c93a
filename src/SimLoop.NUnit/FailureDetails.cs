using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SimLoop;

// What the first failing seed's report shows below its replay line: the last entries of its trace (step, virtual
// time, task, what happened), the log lines of its re-run with logging on, and the path of its timeline picture.
// No blank line inside: a blank line separates one seed's block from the next.
internal static class FailureDetails
{
    public static string For(SeedOutcome outcome, FailureRerun? rerun)
    {
        var text = new StringBuilder();
        AppendTrace(text, outcome);
        AppendLogs(text, outcome.Case.Seed, rerun);
        if (rerun?.TimelinePath is { } path)
        {
            text.Append("\n  Timeline: ").Append(path);
        }

        return text.ToString();
    }

    // A note for a failing seed that did not fail the same way when run again alone, when no other note explains
    // it (the batch's shared-state note does for a run of many seeds).
    public static string NotReproduced(SeedOutcome first, FailureRerun rerun)
    {
        string result = rerun.Outcome.Failed
            ? "failed differently (" + FailureReport.Block(rerun.Outcome, rerun.Outcome.Case.Strategy, null).Split('\n')[0] + ")"
            : "passed";
        return $"Re-run differs: seed {first.Case.Seed} failed, but {result} when SimLoop ran it again with logging on " +
            $"({rerun.How}). The same seed runs the same schedule, so the body depends on something outside the simulation: " +
            "a static or other state kept from an earlier run, the wall clock, real I/O or threads. The log above is from " +
            "that re-run, and the replay line may not reproduce the failure until the body is deterministic.";
    }

    private static void AppendTrace(StringBuilder text, SeedOutcome outcome)
    {
        if (outcome.LastSteps.Count == 0)
        {
            text.Append("\n  Trace: none kept (SimulationOptions.TraceCapacity is 0).");
            return;
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n  Trace, last {outcome.LastSteps.Count} of {outcome.TraceTotal} entries (#step, virtual time, task, what happened):");
        foreach (TraceEntry entry in outcome.LastSteps)
        {
            text.Append("\n    ").Append(Indented(entry.ToString()));
        }
    }

    private static void AppendLogs(StringBuilder text, long seed, FailureRerun? rerun)
    {
        if (rerun is null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  Log of seed {seed}: none (SimLoop could not run the seed again to capture it).");
            return;
        }

        string differs = rerun.Same ? string.Empty : ", which did not fail the same way (see below)";
        IReadOnlyCollection<string> lines = rerun.Logs.Lines;
        if (rerun.Logs.Total == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  Log of seed {seed} (run again with logging on{differs}): no lines.")
                .Append(" Log with Sim.CreateLogger(...) or sim.CreateLoggerFactory() and the lines appear here, in virtual time.");
            return;
        }

        string shown = rerun.Logs.Total > lines.Count ? $"last {lines.Count} of {rerun.Logs.Total}" : $"{lines.Count}";
        text.Append(CultureInfo.InvariantCulture, $"\n  Log of seed {seed} (run again with logging on{differs}), {shown} lines:");
        foreach (string line in lines)
        {
            text.Append("\n    ").Append(Indented(line));
        }
    }

    // A multi-line text (an assertion's message) kept inside its entry: later lines indented, no blank line.
    private static string Indented(string text) =>
        string.Join("\n      ", text.Split('\n').Select(static l => l.TrimEnd()).Where(static l => l.Length > 0));
}
