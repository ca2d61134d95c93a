using System;

namespace SimLoop;

/// <summary>Work left the simulation's thread, so the run could no longer be deterministic.</summary>
/// <remarks>
/// SimLoop runs every continuation on the thread that called <c>Run</c>. Work sent to the thread pool
/// (<c>Task.Run</c>, a <c>ConfigureAwait(false)</c> continuation queued there, a real timer, a foreign thread
/// posting back) would race the loop; instead of letting it, the run fails with this exception, whose message
/// names what escaped and what to use instead. The escaped work is held until the run has ended.
/// </remarks>
public sealed class SimulationEscapeException : SimulationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SimulationEscapeException()
        : base("Work escaped the simulation's thread.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What escaped and what to do instead.</param>
    public SimulationEscapeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What escaped and what to do instead.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public SimulationEscapeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
