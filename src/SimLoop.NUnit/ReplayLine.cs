using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SimLoop;

// The one line a failure prints to replay it: the environment that pins the run, then the test command, e.g.
// SIMLOOP_SEED=1234 dotnet test --filter "FullyQualifiedName~TransferTests.Transfer_never_loses_money".
// A strategy is added only when it differs from the test's own, and Pct's horizon only when the run's Pct drew
// over one its options did not set (pctSteps > 0), so the common line stays short.
internal static class ReplayLine
{
    public static string For(
        long seed,
        ScheduleStrategy strategy,
        ScheduleStrategy configured,
        string? testName,
        IEnumerable<KeyValuePair<string, string>>? extra = null,
        int pctSteps = 0)
    {
        var line = new StringBuilder();
        line.Append(SeedSource.SeedVariable).Append('=').Append(seed).Append(' ');
        if (strategy != configured)
        {
            line.Append(SeedSource.StrategyVariable).Append('=').Append(strategy).Append(' ');
        }

        if (pctSteps > 0)
        {
            line.Append(SeedSource.PctStepsVariable).Append('=').Append(pctSteps).Append(' ');
        }

        foreach (KeyValuePair<string, string> variable in extra ?? [])
        {
            line.Append(variable.Key).Append('=').Append(Quote(variable.Value)).Append(' ');
        }

        line.Append("dotnet test");
        if (!string.IsNullOrEmpty(testName))
        {
            line.Append(" --filter \"FullyQualifiedName~").Append(testName).Append('"');
        }

        return line.ToString();
    }

    // POSIX shell quoting, only when needed: brackets and spaces would otherwise glob or split.
    private static string Quote(string value) =>
        value.Length > 0 && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-' or '@' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", System.StringComparison.Ordinal) + "'";
}
