using Microsoft.Extensions.Logging;

namespace SimLoop;

// The application's loggers, as the simulation makes them: each entry stamped with virtual time, step and task, and
// written through SimulationOptions.LoggerFactory. The builder's filters (levels per category) still apply.
internal sealed class VirtualTimeLoggerProvider(Simulation simulation) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => simulation.CreateLogger(categoryName);

    public void Dispose()
    {
        // The simulation's loggers belong to the simulation.
    }
}
