using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// One log entry of a simulation as a line of a report or of the test's output, in the form the simulation's loggers
// stamp: "[00:00:01.5 #12 'main'] info Orders: message". User loggers (Sim.CreateLogger, sim.CreateLoggerFactory) and
// SimLoop's own events stamp their text the same way; the level and category go after the stamp.
internal static class LogLine
{
    public static string Format<TState>(string category, LogLevel level, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        string message = Stamped(formatter(state, exception), Level(level) + " " + category + ": ");
        return exception is null ? message : message + " (" + exception.GetType().Name + ": " + exception.Message + ")";
    }

    // "[stamp] text" becomes "[stamp] info Category: text"; an unstamped text gets the level and category in front.
    private static string Stamped(string text, string label)
    {
        int end = text.StartsWith('[') ? text.IndexOf("] ", StringComparison.Ordinal) : -1;
        return end < 0 ? label + text : text[..(end + 2)] + label + text[(end + 2)..];
    }

    // The console logger's four-letter levels.
    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
