using System;
using System.Runtime.CompilerServices;

namespace SimLoop;

/// <summary>Awaits a <see cref="SimTask"/>; returned by <see cref="SimTask.GetAwaiter"/>.</summary>
public readonly struct SimTaskAwaiter : ICriticalNotifyCompletion
{
    private readonly TaskAwait _await;

    internal SimTaskAwaiter(TaskAwait taskAwait)
    {
        _await = taskAwait;
    }

    /// <summary>Gets whether the awaited task has finished.</summary>
    public bool IsCompleted => _await.IsCompleted;

    /// <summary>Ends the await: returns, or rethrows the task's exception.</summary>
    /// <exception cref="SimCancelledException">The awaited task, or the awaiting one, was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The task has not finished (do not block on it).</exception>
    public void GetResult() => _await.GetResult();

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    public void OnCompleted(Action continuation) => _await.OnCompleted(continuation);

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    public void UnsafeOnCompleted(Action continuation) => _await.OnCompleted(continuation);
}

/// <summary>Awaits a <see cref="SimTask{T}"/>; returned by <see cref="SimTask{T}.GetAwaiter"/>.</summary>
/// <typeparam name="T">The type of the task's result.</typeparam>
public readonly struct SimTaskAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly TaskAwait _await;

    internal SimTaskAwaiter(TaskAwait taskAwait)
    {
        _await = taskAwait;
    }

    /// <summary>Gets whether the awaited task has finished.</summary>
    public bool IsCompleted => _await.IsCompleted;

    /// <summary>Ends the await: returns the task's result, or rethrows its exception.</summary>
    /// <returns>The result of the task.</returns>
    /// <exception cref="SimCancelledException">The awaited task, or the awaiting one, was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The task has not finished (do not block on it).</exception>
    public T GetResult()
    {
        _await.GetResult();
        return ((SimTask<T>)_await.Target).ResultUnchecked;
    }

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    public void OnCompleted(Action continuation) => _await.OnCompleted(continuation);

    /// <summary>Schedules the continuation to run on the simulation's loop when the task finishes.</summary>
    /// <param name="continuation">The continuation.</param>
    public void UnsafeOnCompleted(Action continuation) => _await.OnCompleted(continuation);
}
