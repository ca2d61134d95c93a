using System;
using System.Globalization;
using System.IO;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace SimLoop;

// The simulation options [SimulationTest] and [SimulationProperty] share: the longest virtual time, how much of the
// trace to keep, and where logs go. Attribute arguments cannot be a TimeSpan, so MaxVirtualTime is text in
// TimeSpan's invariant "c" form; TraceCapacity applies only when it was set, so the options a property passes to
// SimProperty.Check keep theirs otherwise.
internal sealed class SimulationSettings
{
    private int _traceCapacity = new SimulationOptions().TraceCapacity;

    public string? MaxVirtualTime { get; set; }

    public bool TraceCapacitySet { get; private set; }

    public int TraceCapacity
    {
        get => _traceCapacity;
        set
        {
            _traceCapacity = value;
            TraceCapacitySet = true;
        }
    }

    public SimulationLogOutput Log { get; set; }

    // The first setting out of its range, as a sentence naming it after the attribute; null when all are valid.
    public string? Invalid(string attribute)
    {
        if (MaxVirtualTime is not null && ParseMaxVirtualTime() is null)
        {
            return $"{attribute} MaxVirtualTime must be a positive virtual time in the form [d.]hh:mm:ss[.fffffff], such " +
                $"as \"00:05:00\" (5 minutes) or \"7.00:00:00\" (7 days); it was \"{MaxVirtualTime}\".";
        }

        if (TraceCapacity < 0)
        {
            return $"{attribute} TraceCapacity must be 0 (keep no trace entries) or positive; it was {TraceCapacity}.";
        }

        if (!Enum.IsDefined(Log))
        {
            return $"{attribute} Log must be SimulationLogOutput.None, Out or Progress; it was (SimulationLogOutput){(int)Log}.";
        }

        return null;
    }

    // The options with these settings on top; the options themselves when none was set.
    public SimulationOptions Apply(SimulationOptions options)
    {
        if (ParseMaxVirtualTime() is { } maxVirtualTime)
        {
            options = options with { MaxVirtualTime = maxVirtualTime };
        }

        return TraceCapacitySet ? options with { TraceCapacity = TraceCapacity } : options;
    }

    public bool Changes => MaxVirtualTime is not null || TraceCapacitySet;

    // The writer Log names, safe to write from the seeds' threads; null for None. Out is the current test's output,
    // read now: the seeds run in NUnit contexts of their own.
    public TextWriter? Writer() => Log switch
    {
        SimulationLogOutput.Out => TextWriter.Synchronized(TestExecutionContext.CurrentContext.OutWriter),
        SimulationLogOutput.Progress => TextWriter.Synchronized(TestContext.Progress),
        _ => null,
    };

    private TimeSpan? ParseMaxVirtualTime() =>
        TimeSpan.TryParseExact(MaxVirtualTime?.Trim(), "c", CultureInfo.InvariantCulture, out TimeSpan value) && value > TimeSpan.Zero
            ? value
            : null;
}
