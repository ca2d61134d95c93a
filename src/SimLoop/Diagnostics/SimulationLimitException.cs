using System;

namespace SimLoop;

/// <summary>The run passed <see cref="SimulationOptions.MaxSteps"/> or <see cref="SimulationOptions.MaxVirtualTime"/>.</summary>
/// <remarks>A program that loops forever ends here instead of hanging the test run.</remarks>
public sealed class SimulationLimitException : SimulationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SimulationLimitException()
        : base("The simulation passed one of its limits.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Which limit was passed, at what step and virtual time.</param>
    public SimulationLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">Which limit was passed, at what step and virtual time.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public SimulationLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
