using System;

namespace SimLoop;

// The failing seed run once more, alone and with its logs captured: a seed's run is a function of its seed,
// strategy and body, so it fails again the same way, and this time its log lines and (when a timeline writer is
// plugged in) its picture are kept for the report. Passing seeds never pay for logging. When the re-run does not
// fail the same way, Same is false and the report says so: its logs are then of a different run.
internal sealed record FailureRerun(SeedOutcome Outcome, LogCapture Logs, string? TimelinePath, bool Same, string How)
{
    public static FailureRerun? Run(SeedOutcome first, SeedRerun runAlone, SimulationOptions template, Func<LogCapture> newCapture,
        ScheduleStrategy configured, string? testName)
    {
        LogCapture capture = newCapture();
        string? timeline = null;
        SeedOutcome alone;
        try
        {
            alone = runAlone.Run(first.Case, template with { LoggerFactory = capture.Factory, CaptureLogs = true },
                (sim, failure) => timeline = FailureTimeline.Write(sim, failure));
        }
#pragma warning disable CA1031 // The re-run only adds logs and hints: if it cannot be made, the report stands without them.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        bool same = alone.Failed && FailureReport.Block(alone, configured, testName) == FailureReport.Block(first, configured, testName);
        return new FailureRerun(alone, capture, timeline, same, runAlone.How);
    }
}
