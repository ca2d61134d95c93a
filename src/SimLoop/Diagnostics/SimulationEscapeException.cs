using System;

namespace SimLoop;

/// <summary>Work left the simulation's control, so the run could no longer be deterministic.</summary>
/// <remarks>
/// SimLoop runs every continuation as a step of its loop: on the thread that called <c>Run</c>, or, for work a step
/// sent to the thread pool (<c>Task.Run</c>, a <c>ConfigureAwait(false)</c> continuation), on the pool thread that
/// took it, while the loop waits. Work no step sent (a real timer, real I/O, a thread of its own posting back) would
/// race the loop, and a step that blocks on work only the other side can run would hang it; instead, the run fails
/// with this exception, whose message names what happened and what to do instead.
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

    /// <summary>Gets whether the run failed by a chance the program has no part in, so that running the same seed again
    /// gives the program's own outcome.</summary>
    /// <remarks>The runtime names thread-pool work items by their hash codes, which two items can share: when a work
    /// item of the run and another one are pending under one id at once, SimLoop cannot tell which pool thread holds
    /// which, and stops the run rather than let one run in the other's place. <c>SimulationRunner</c>,
    /// <c>[SimulationTest]</c>, <c>[SimulationProperty]</c>, <see cref="Simulation.CheckDeterminism"/> and
    /// <see cref="ScheduleMinimizer"/> run such a seed again by themselves; code that runs seeds in a loop of its own
    /// can do the same with a new <see cref="Simulation"/>.</remarks>
    public bool IsTransient { get; internal init; }
}
