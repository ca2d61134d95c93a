using System;
using System.Globalization;

namespace SimLoop;

/// <summary>Virtual time as SimLoop prints it in every message, trace and report, the same on every machine and
/// culture: instants as "00:00:01", "00:00:02.5", "1.02:00:00"; durations as "1 s", "0.25 s".</summary>
public static class TimeFormat
{
    /// <summary>Formats a virtual time since the start of a run, with no trailing zeros after the seconds.</summary>
    /// <param name="elapsed">The virtual time, e.g. <see cref="Simulation.Elapsed"/>.</param>
    /// <returns>For example "00:00:01.5".</returns>
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

    /// <summary>Formats a duration in seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> as "infinite".</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>For example "0.25 s".</returns>
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
