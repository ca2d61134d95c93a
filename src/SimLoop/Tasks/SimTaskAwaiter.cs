using System;
using System.Runtime.CompilerServices;

namespace SimLoop;

/// <summary>Awaits a <see cref="SimTask"/>; returned by <see cref="SimTask.GetAwaiter"/>.</summary>
/// <remarks>Only an awaiter obtained from a task works: every member of <c>default(SimTaskAwaiter)</c> throws
/// <see cref="InvalidOperationException"/>.</remarks>
public readonly struct SimTaskAwaiter : ICriticalNotifyCompletion
{
    private readonly TaskAwait? _await;

    internal SimTaskAwaiter(TaskAwait taskAwait)
    {
        _await = taskAwait;
    }

    /// <summary>Gets whether the awaited task has finished.</summary>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask"/>.</exception>
    public bool IsCompleted => Await.IsCompleted;

    /// <summary>Ends the await: returns, or rethrows the task's exception.</summary>
    /// <exception cref="SimCancelledException">The awaited task, or the awaiting one, was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The task has not finished (do not block on it), or this awaiter was
    /// not obtained from a <see cref="SimTask"/>.</exception>
    public void GetResult() => Await.GetResult();

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="continuation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask"/>.</exception>
    public void OnCompleted(Action continuation) => Await.OnCompleted(continuation);

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="continuation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask"/>.</exception>
    public void UnsafeOnCompleted(Action continuation) => Await.OnCompleted(continuation);

    internal static InvalidOperationException NotFromATask(string awaiter) => new(
        $"This {awaiter} was not obtained from a SimTask (it is a default value): await the task itself, or use the " +
        "awaiter its GetAwaiter() returns.");

    private TaskAwait Await => _await ?? throw NotFromATask(nameof(SimTaskAwaiter));
}

/// <summary>Awaits a <see cref="SimTask{T}"/>; returned by <see cref="SimTask{T}.GetAwaiter"/>.</summary>
/// <typeparam name="T">The type of the task's result.</typeparam>
/// <remarks>Only an awaiter obtained from a task works: every member of <c>default(SimTaskAwaiter&lt;T&gt;)</c> throws
/// <see cref="InvalidOperationException"/>.</remarks>
public readonly struct SimTaskAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly TaskAwait? _await;

    internal SimTaskAwaiter(TaskAwait taskAwait)
    {
        _await = taskAwait;
    }

    /// <summary>Gets whether the awaited task has finished.</summary>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask{T}"/>.</exception>
    public bool IsCompleted => Await.IsCompleted;

    /// <summary>Ends the await: returns the task's result, or rethrows its exception.</summary>
    /// <returns>The result of the task.</returns>
    /// <exception cref="SimCancelledException">The awaited task, or the awaiting one, was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The task has not finished (do not block on it), or this awaiter was
    /// not obtained from a <see cref="SimTask{T}"/>.</exception>
    public T GetResult()
    {
        TaskAwait taskAwait = Await;
        taskAwait.GetResult();
        return ((SimTask<T>)taskAwait.Target).ResultUnchecked;
    }

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="continuation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask{T}"/>.</exception>
    public void OnCompleted(Action continuation) => Await.OnCompleted(continuation);

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="continuation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This awaiter was not obtained from a <see cref="SimTask{T}"/>.</exception>
    public void UnsafeOnCompleted(Action continuation) => Await.OnCompleted(continuation);

    private TaskAwait Await => _await ?? throw SimTaskAwaiter.NotFromATask("SimTaskAwaiter<T>");
}
