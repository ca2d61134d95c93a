using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// A logger factory that turns each entry into one report line (LogLine) and hands it to a sink: a LogCapture for
// the failure report, or the test's output for [SimulationTest(Log = ...)]. It is the simulation's
// SimulationOptions.LoggerFactory, so Sim.CreateLogger and sim.CreateLoggerFactory() stamp virtual time, step and
// task on top of it. SimLoop's own per-task Debug events are left out: the trace shows every step already.
internal sealed class LineLoggerFactory : ILoggerFactory
{
    private const string OwnCategory = "SimLoop";

    private readonly Action<string> _sink;
    private int _loggersCreated;

    public LineLoggerFactory(Action<string> sink)
    {
        _sink = sink;
    }

    /// <summary>Gets how many loggers this factory has made: 0 means nothing in the run was set up to log here.</summary>
    public int LoggersCreated => _loggersCreated;

    public ILogger CreateLogger(string categoryName)
    {
        System.Threading.Interlocked.Increment(ref _loggersCreated);
        return new LineLogger(categoryName, _sink);
    }

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("SimLoop's report logger writes lines of its own and takes no providers.");

    public void Dispose()
    {
    }

    private sealed class LineLogger : ILogger
    {
        private readonly string _category;
        private readonly Action<string> _sink;

        public LineLogger(string category, Action<string> sink)
        {
            _category = category;
            _sink = sink;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel != LogLevel.None && (_category != OwnCategory || logLevel >= LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _sink(LogLine.Format(_category, logLevel, state, exception, formatter));
            }
        }
    }
}
