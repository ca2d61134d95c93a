using System;
using System.Globalization;

namespace SimLoop;

// Virtual times and durations in the network's messages, printed as the core prints them in causes
// ("00:00:01.01", "1 s"), so a cause chain that crosses hosts reads in one style and is stable across cultures.
internal static class TimeText
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
        decimal seconds = duration.Ticks / (decimal)TimeSpan.TicksPerSecond;
        return seconds.ToString("0.#######", CultureInfo.InvariantCulture) + " s";
    }
}
