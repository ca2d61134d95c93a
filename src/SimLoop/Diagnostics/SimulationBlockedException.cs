using System;

namespace SimLoop;

/// <summary>A step held the simulation's thread past <see cref="SimulationOptions.MaxStepWallTime"/>: it blocked in
/// a synchronous wait, or ran without yielding.</summary>
/// <remarks>
/// A simulation takes one step at a time, so a step that waits synchronously for something only a later step can do
/// (<c>.Result</c>, <c>.Wait()</c>, <c>SemaphoreSlim.Wait()</c>, a synchronous lock of an async library) waits for
/// ever, and so does everything else in the run. Rather than hang its caller, the run interrupts the wait (or aborts
/// a step that never yields) and fails with this exception, whose message names the step, its task, where it waited
/// and what to do instead. The interrupted wait's <see cref="System.Threading.ThreadInterruptedException"/> is the
/// <see cref="Exception.InnerException"/> when the step let it reach SimLoop.
/// </remarks>
public sealed class SimulationBlockedException : SimulationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SimulationBlockedException()
        : base("A step blocked the simulation's thread.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Which step blocked, where, and what to do instead.</param>
    public SimulationBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">Which step blocked, where, and what to do instead.</param>
    /// <param name="innerException">The exception that ended the blocked wait.</param>
    public SimulationBlockedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
