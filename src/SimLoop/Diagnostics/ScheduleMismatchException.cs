using System;

namespace SimLoop;

/// <summary>A replayed <see cref="Schedule"/> no longer fits the program: the run made a different choice than the
/// one recorded, at the step the message names.</summary>
/// <remarks>Usually the code under test changed since the schedule was recorded. Nothing is replayed past the first
/// step that differs.</remarks>
public sealed class ScheduleMismatchException : SimulationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ScheduleMismatchException()
        : base("The schedule does not fit the program.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Where the run and the schedule differ.</param>
    public ScheduleMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">Where the run and the schedule differ.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public ScheduleMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
