using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace SimLoop;

/// <summary>A task running inside a simulation that produces a result of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The type of the result.</typeparam>
public sealed partial class SimTask<T> : SimTask
{
    private readonly Func<Task<T>> _body;
    private AsyncTaskMethodBuilder<T> _completion = AsyncTaskMethodBuilder<T>.Create();
    private T _result = default!;

    internal SimTask(ITaskLoop loop, Func<Task<T>> body, string? name)
        : base(loop, name)
    {
        _body = body;
        _ = _completion.Task; // created now, so that SetResult never races its creation
    }

    /// <summary>Gets the task's result.</summary>
    /// <exception cref="InvalidOperationException">The task has not finished.</exception>
    /// <exception cref="SimCancelledException">The task was cancelled.</exception>
    /// <remarks>A faulted task rethrows its own exception, not an <see cref="AggregateException"/>.</remarks>
    public T Result
    {
        get
        {
            ThrowIfNotSuccessful();
            return _result;
        }
    }

    /// <summary>Gets a <see cref="Task{TResult}"/> that completes when this task finishes, with the same outcome.</summary>
    /// <remarks>Reading it counts as observing the task's exception.</remarks>
    public new Task<T> Completion => (Task<T>)base.Completion;

    internal T ResultUnchecked => _result;

    private protected override Task CompletionTask => _completion.Task;

    /// <summary>Gets an awaiter, so that <c>await task</c> waits for the task and returns its result.</summary>
    /// <returns>The awaiter.</returns>
    public new SimTaskAwaiter<T> GetAwaiter() => new(new TaskAwait(this));

    private protected override Task InvokeBody() => _body();

    private protected override void CaptureResult(Task body) => _result = ((Task<T>)body).Result;

    private protected override void SetCompletion(Exception? exception)
    {
        if (exception is null)
        {
            _completion.SetResult(_result);
        }
        else
        {
            _completion.SetException(exception);
        }
    }
}
