using System.Globalization;

namespace SimLoop.Examples.Cli;

// How the examples print times: virtual instants as SimLoop's messages do ("00:00:04", "00:00:02.5"), wall
// durations in milliseconds ("0.42 ms"), the same on every machine and culture.
internal static class VirtualTimeText
{
    public static string Instant(TimeSpan elapsed) => TimeFormat.Instant(elapsed);

    public static string Milliseconds(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
