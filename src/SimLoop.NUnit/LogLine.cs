using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// One log entry of a simulation as a line of a report or of the test's output, in the form the simulation's own
// loggers stamp: "[00:00:01.5 #12 'main'] info Orders: message". User loggers (Sim.CreateLogger,
// sim.CreateLoggerFactory) already stamp their text; SimLoop's own events carry Step and VirtualTime as fields and
// say "Step 7 at 02:00:00.0200000: ..." in their message, so they are re-rendered from their template with the
// same stamp and time format, and every line of a report counts steps and prints time one way.
internal static class LogLine
{
    private const string OwnPrefix = "Step {Step} at {VirtualTime}: ";

    public static string Format<TState>(string category, LogLevel level, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        IReadOnlyList<KeyValuePair<string, object?>> fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        string? template = Field(fields, "{OriginalFormat}") as string;
        string message;
        if (template is not null && template.StartsWith(OwnPrefix, StringComparison.Ordinal)
            && Field(fields, "VirtualTime") is TimeSpan time && Field(fields, "Step") is long step)
        {
            // Steps count from 1; an event before the first step (the run's start) has no step to name.
            string stamp = step > 0 ? " #" + step.ToString(CultureInfo.InvariantCulture) : string.Empty;
            message = "[" + FailureReport.Instant(time) + stamp + "] " +
                Level(level) + " " + category + ": " + Render(template[OwnPrefix.Length..], fields);
        }
        else
        {
            message = Stamped(formatter(state, exception), Level(level) + " " + category + ": ");
        }

        return exception is null ? message : message + " (" + exception.GetType().Name + ": " + exception.Message + ")";
    }

    // "[stamp] text" becomes "[stamp] info Category: text"; an unstamped text gets the level and category in front.
    private static string Stamped(string text, string label)
    {
        int end = text.StartsWith('[') ? text.IndexOf("] ", StringComparison.Ordinal) : -1;
        return end < 0 ? label + text : text[..(end + 2)] + label + text[(end + 2)..];
    }

    // A message template with its {Name} holes filled from the fields, virtual times in the report's format.
    private static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        var text = new StringBuilder();
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            string name = template[(open + 1)..close];
            object? value = Field(fields, name);
            text.Append(template, at, open - at).Append(value switch
            {
                TimeSpan time => FailureReport.Instant(time),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                null => "null",
                _ => value.ToString(),
            });
            at = close + 1;
        }

        return text.ToString();
    }

    private static object? Field(IReadOnlyList<KeyValuePair<string, object?>> fields, string name)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Key == name)
            {
                return fields[i].Value;
            }
        }

        return null;
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
