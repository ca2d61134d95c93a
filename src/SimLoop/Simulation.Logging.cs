using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SimLoop;

public sealed partial class Simulation
{
    /// <summary>Creates a logger factory whose loggers stamp every entry with this simulation's virtual time, step and
    /// current task, as <see cref="CreateLogger(string)"/> does.</summary>
    /// <returns>A factory writing through <see cref="SimulationOptions.LoggerFactory"/>, or
    /// <see cref="NullLoggerFactory.Instance"/> when no factory was given and <see cref="SimulationOptions.CaptureLogs"/>
    /// is off.</returns>
    /// <remarks>
    /// <para>For code that takes <see cref="ILoggerFactory"/> or <see cref="ILogger{TCategoryName}"/> from dependency
    /// injection: register the result as the container's <see cref="ILoggerFactory"/>
    /// (<c>services.AddSingleton(sim.CreateLoggerFactory())</c> before <c>services.AddLogging()</c>), and every
    /// <see cref="ILogger{TCategoryName}"/> it resolves logs in virtual time. Each entry carries the structured fields
    /// <c>VirtualTime</c>, <c>Step</c> and <c>Task</c>, and its message starts with <c>[virtual time #step 'task']</c>.</para>
    /// <para>Disposing the returned factory does not dispose <see cref="SimulationOptions.LoggerFactory"/>: that
    /// belongs to whoever created it. <see cref="ILoggerFactory.AddProvider"/> adds the provider to it.</para>
    /// </remarks>
    public ILoggerFactory CreateLoggerFactory() =>
        Options.LoggerFactory is null && LogCapture is null
            ? NullLoggerFactory.Instance
            : new VirtualTimeLoggerFactory(Options.LoggerFactory ?? NullLoggerFactory.Instance, _loop, LogCapture);
}
