using System.Text.RegularExpressions;

namespace SimLoop.BugBench.Runner;

/// <summary>Runs a bug once under given options and says how it ended.</summary>
internal static partial class BugRun
{
    /// <summary>Runs <paramref name="bug"/> once; returns the simulation and the exception it ended with, if any.</summary>
    public static (Simulation Simulation, Exception? Error) Once(IBug bug, SimulationOptions options)
    {
        var sim = new Simulation(options);
        try
        {
            sim.Run(bug.Run);
            return (sim, null);
        }
#pragma warning disable CA1031 // Whatever ends the run is the outcome being measured.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return (sim, error);
        }
    }

    /// <summary>Options for one search run: no trace kept, which is all a search needs; Pct over
    /// <paramref name="pctSteps"/> choices (0: drawn from the seed), at <paramref name="pctDepth"/> (0: the default).</summary>
    public static SimulationOptions Search(ScheduleStrategy strategy, long seed, int pctSteps = 0, int pctDepth = 0)
    {
        var options = new SimulationOptions { Strategy = strategy, Seed = seed, TraceCapacity = 0, PctSteps = pctSteps };
        return pctDepth > 0 ? options with { PctDepth = pctDepth } : options;
    }

    /// <summary>Whether <paramref name="error"/> is the bug manifesting: exactly the bug's failure type.</summary>
    public static bool IsBug(IBug bug, Exception? error) => error is not null && error.GetType() == bug.Failure;

    /// <summary>Whether two failures have the same message, once SimLoop's "(seed N, strategy S)" note is set aside:
    /// a replay runs without the seed, so SimLoop's own messages name the replay's options instead.</summary>
    public static bool SameMessage(Exception replayed, Exception original) =>
        Origin().Replace(replayed.Message, string.Empty) == Origin().Replace(original.Message, string.Empty);

    /// <summary>One line naming an exception: its type and message.</summary>
    public static string Describe(Exception error) => $"{error.GetType().Name}: {error.Message}";

    [GeneratedRegex(@" \(seed -?\d+, strategy \w+\)", RegexOptions.CultureInvariant)]
    private static partial Regex Origin();
}
