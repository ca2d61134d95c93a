using System;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// The way into the BCL's combinators: a SimTask converts to the Task that completes when it finishes, so
// Task.WhenAll(a, b) and Task.WhenAny(a, b) take SimTasks as they are. Waiting through that Task does not pass
// cancellation on to the SimTask (awaiting the SimTask itself does), as with Sim.Shield.
public abstract partial class SimTask
{
    /// <summary>Converts the task to the <see cref="Task"/> that completes when it finishes, for the BCL's
    /// combinators: <c>await Task.WhenAll(a, b)</c>, <c>await Task.WhenAny(a, b)</c>.</summary>
    /// <param name="task">The task.</param>
    /// <returns><see cref="Completion"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <remarks>A task cancelled while it waits for the combinator does not cancel the SimTasks in it (awaiting a
    /// <see cref="SimTask"/> directly does).</remarks>
    public static implicit operator Task(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Completion;
    }

    /// <summary>Gets the <see cref="Task"/> that completes when this task finishes: <see cref="Completion"/>.</summary>
    /// <returns><see cref="Completion"/>.</returns>
    public Task ToTask() => Completion;

    /// <summary>Waits for this task to finish, for at most <paramref name="timeout"/> measured by
    /// <paramref name="timeProvider"/> (pass <c>sim.Clock</c>, so the timeout is virtual time).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/>.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes as this one does, or faults with <see cref="TimeoutException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <remarks>As <see cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>: a timeout leaves this task
    /// running. To cancel it on timeout and wait for its <c>finally</c> blocks, use
    /// <see cref="Sim.WaitFor(SimTask, TimeSpan)"/>.</remarks>
    public Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Completion.WaitAsync(timeout, timeProvider, cancellationToken);
    }
}
