using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// The log lines of one run, kept when SimulationOptions.CaptureLogs is set so the timeline can show them where they
// were written. Only the most recent lines are kept, as the trace keeps only its most recent entries; without the
// option no capture exists and the loggers pay nothing for it.
internal sealed class LogCapture
{
    private readonly Queue<CapturedLog> _lines = new();
    private readonly int _capacity;

    public LogCapture(int capacity)
    {
        Invariant.Assert(capacity > 0, "a capture keeps at least one line");
        _capacity = capacity;
    }

    /// <summary>Gets how many lines were written in all, including those no longer kept.</summary>
    public long TotalCount { get; private set; }

    public IReadOnlyCollection<CapturedLog> Lines => _lines;

    public void Add(CapturedLog line)
    {
        TotalCount++;
        if (_lines.Count == _capacity)
        {
            _lines.Dequeue();
        }

        _lines.Enqueue(line);
        Invariant.Assert(_lines.Count <= _capacity, "a capture keeps at most its capacity");
    }
}

// One captured log line: where in the run it was written (step, virtual time, task) and what it said.
internal sealed record CapturedLog(long Step, TimeSpan Elapsed, SimTask? Task, LogLevel Level, string Category,
    string Message, string? Exception);
