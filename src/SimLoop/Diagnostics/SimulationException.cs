using System;

namespace SimLoop;

/// <summary>The base of SimLoop's own failures: a run that could not complete as the program asked.</summary>
/// <remarks>
/// <see cref="Simulation.Run(Func{System.Threading.Tasks.Task})"/> also throws this type directly when a task
/// faulted and nothing awaited it; the task's exception is the <see cref="Exception.InnerException"/>.
/// </remarks>
public class SimulationException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public SimulationException()
        : base("The simulation failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong, including the step and virtual time.</param>
    public SimulationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong, including the step and virtual time.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public SimulationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
