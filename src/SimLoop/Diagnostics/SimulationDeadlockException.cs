using System;
using System.Collections.Generic;

namespace SimLoop;

/// <summary>Nothing can run, no timer is pending, and the run is not finished.</summary>
/// <remarks>
/// Thrown by <c>Run</c> when main is blocked forever, or when tasks left at the end of a run could not
/// finish after being cancelled. The message names every blocked task and what it waits for.
/// </remarks>
public sealed class SimulationDeadlockException : SimulationException
{
    /// <summary>Creates an exception with a default message and no blocked tasks.</summary>
    public SimulationDeadlockException()
        : this("The simulation deadlocked.")
    {
    }

    /// <summary>Creates an exception with the given message and no blocked tasks.</summary>
    /// <param name="message">What deadlocked.</param>
    public SimulationDeadlockException(string message)
        : this(message, Array.Empty<SimTask>())
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What deadlocked.</param>
    /// <param name="innerException">The exception that caused the failure.</param>
    public SimulationDeadlockException(string message, Exception? innerException)
        : base(message, innerException)
    {
        BlockedTasks = Array.Empty<SimTask>();
    }

    internal SimulationDeadlockException(string message, IReadOnlyList<SimTask> blockedTasks)
        : base(message)
    {
        BlockedTasks = blockedTasks;
    }

    /// <summary>Gets the tasks that were blocked, in creation order.</summary>
    public IReadOnlyList<SimTask> BlockedTasks { get; }
}
