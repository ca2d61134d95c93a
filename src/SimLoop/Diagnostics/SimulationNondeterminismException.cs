using System;

namespace SimLoop;

/// <summary>Two runs with the same options and the same program differed: the code under test is not deterministic.</summary>
/// <remarks>Thrown by <see cref="Simulation.CheckDeterminism(Func{System.Threading.Tasks.Task}, SimulationOptions)"/>;
/// the message names the first step where the runs differ and shows both sides.</remarks>
public sealed class SimulationNondeterminismException : SimulationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SimulationNondeterminismException()
        : base("Two runs of the same program with the same options differed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Where the runs differ.</param>
    public SimulationNondeterminismException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">Where the runs differ.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public SimulationNondeterminismException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
