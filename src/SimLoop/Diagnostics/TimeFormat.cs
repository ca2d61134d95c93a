using System;
using System.Globalization;

namespace SimLoop;

// One way to print virtual time and durations in messages, so messages are stable across
// machines and cultures: "00:00:01", "00:00:02.5", "1.02:00:00"; durations as "1 s", "0.25 s".
internal static class TimeFormat
{
    public static string Instant(TimeSpan elapsed)
    {
        string text = elapsed.ToString("c", CultureInfo.InvariantCulture);
        int dot = text.LastIndexOf('.');
        if (dot > text.LastIndexOf(':'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return "infinite";
        }

        decimal seconds = duration.Ticks / (decimal)TimeSpan.TicksPerSecond;
        return seconds.ToString("0.#######", CultureInfo.InvariantCulture) + " s";
    }
}
