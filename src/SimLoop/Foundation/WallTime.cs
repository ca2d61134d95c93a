using System;

namespace SimLoop;

// Wall-clock time, for the only decisions that need it: how long a step may hold the loop thread (the step
// watchdog) and when an idle listener is turned off. Neither changes what a run does; the runs themselves know only
// the virtual clock.
internal static class WallTime
{
#pragma warning disable RS0030 // The one place the library reads wall time; see the file's comment.
    /// <summary>Gets the current wall-clock timestamp, in <see cref="System.Diagnostics.Stopwatch.Frequency"/> ticks.</summary>
    public static long Now => System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Converts a span of wall time to timestamp ticks.</summary>
    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
#pragma warning restore RS0030
}
