using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// A logger for user code inside a simulation: each entry gets the virtual time, the step and the current task,
// both as structured fields (VirtualTime, Step, Task) and as a "[00:00:01 #12 'main'] " prefix to the message.
// With a capture (SimulationOptions.CaptureLogs) it also keeps every line for the timeline, whatever the inner
// logger's level.
internal sealed class VirtualTimeLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly ITaskLoop _loop;
    private readonly string _category;
    private readonly LogCapture? _capture;

    public VirtualTimeLogger(ILogger inner, ITaskLoop loop, string category = "", LogCapture? capture = null)
    {
        _inner = inner;
        _loop = loop;
        _category = category;
        _capture = capture;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) =>
        (_capture is not null && logLevel != LogLevel.None) || _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (_capture is not null && logLevel != LogLevel.None)
        {
            _capture.Add(new CapturedLog(_loop.Steps, _loop.Clock.Elapsed, _loop.CurrentTask, logLevel, _category,
                formatter(state, exception), exception is null ? null : exception.GetType().Name + ": " + exception.Message));
        }

        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var stamped = new Stamped<TState>(state, formatter, _loop.Clock.Elapsed, _loop.Steps, _loop.CurrentTask?.Name);
        _inner.Log(logLevel, eventId, stamped, exception, static (s, e) => s.Format(e));
    }

    private sealed class Stamped<TState> : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly TState _state;
        private readonly Func<TState, Exception?, string> _formatter;
        private readonly List<KeyValuePair<string, object?>> _fields = new();

        public Stamped(TState state, Func<TState, Exception?, string> formatter, TimeSpan virtualTime, long step, string? task)
        {
            _state = state;
            _formatter = formatter;
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                _fields.AddRange(fields);
            }

            _fields.Add(new("VirtualTime", virtualTime));
            _fields.Add(new("Step", step));
            _fields.Add(new("Task", task));
        }

        public int Count => _fields.Count;

        public KeyValuePair<string, object?> this[int index] => _fields[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public string Format(Exception? exception)
        {
            var time = (TimeSpan)_fields[^3].Value!;
            string task = _fields[^1].Value is string name ? " '" + name + "'" : string.Empty;
            return $"[{TimeFormat.Instant(time)} #{_fields[^2].Value}{task}] {_formatter(_state, exception)}";
        }

        public override string ToString() => Format(null);
    }
}
