using Microsoft.Extensions.Logging;

namespace SimLoop;

// The factory form of VirtualTimeLogger, for code that takes ILoggerFactory or ILogger<T> (which Logger<T> builds from
// a factory) from dependency injection: each logger it creates stamps its entries with the simulation's virtual time,
// step and current task. The inner factory belongs to whoever created it (SimulationOptions.LoggerFactory), so
// disposing this one leaves it open; a provider added here is added to it, as any wrapper of a factory does.
internal sealed class VirtualTimeLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly ITaskLoop _loop;
    private readonly LogCapture? _capture;

    public VirtualTimeLoggerFactory(ILoggerFactory inner, ITaskLoop loop, LogCapture? capture = null)
    {
        _inner = inner;
        _loop = loop;
        _capture = capture;
    }

    public ILogger CreateLogger(string categoryName) =>
        new VirtualTimeLogger(_inner.CreateLogger(categoryName), _loop, categoryName, _capture);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose()
    {
    }
}
