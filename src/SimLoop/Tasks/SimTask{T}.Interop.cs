using System;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// The typed way into the BCL's combinators: await Task.WhenAll<int>(a, b) gives the results in order.
public sealed partial class SimTask<T>
{
    /// <summary>Converts the task to the <see cref="Task{TResult}"/> that completes when it finishes, for the BCL's
    /// combinators: <c>int[] results = await Task.WhenAll&lt;int&gt;(a, b)</c>.</summary>
    /// <param name="task">The task.</param>
    /// <returns><see cref="Completion"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public static implicit operator Task<T>(SimTask<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Completion;
    }

    /// <summary>Gets the <see cref="Task{TResult}"/> that completes when this task finishes: <see cref="Completion"/>.</summary>
    /// <returns><see cref="Completion"/>.</returns>
    public new Task<T> ToTask() => Completion;

    /// <summary>Waits for this task's result, for at most <paramref name="timeout"/> measured by
    /// <paramref name="timeProvider"/> (pass <c>sim.Clock</c>, so the timeout is virtual time).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="timeProvider">The clock that measures <paramref name="timeout"/>.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task with this task's result, or faulted with <see cref="TimeoutException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <remarks>A timeout leaves this task running; <see cref="Sim.WaitFor{T}(SimTask{T}, TimeSpan)"/>
    /// cancels it instead.</remarks>
    public new Task<T> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Completion.WaitAsync(timeout, timeProvider, cancellationToken);
    }
}
