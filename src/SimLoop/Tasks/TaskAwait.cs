using System;
using System.Threading;

namespace SimLoop;

// One `await simTask`. While it waits it is one of the awaiting task's waits: cancelling the awaiting task passes
// the cancellation on to the awaited one (with a cause chained to its own) and keeps waiting until that one has
// finished; then the await throws the awaiting task's cancellation, whatever the awaited task's outcome.
internal sealed class TaskAwait : IInterruptible, ITaskObserver
{
    private static readonly SendOrPostCallback s_resume = static state => ((Action)state!)();

    private readonly SimTask _target;
    private SimTask? _waiter;
    private Action? _continuation;
    private SynchronizationContext? _context;
    private CancellationCause? _interrupted;

    public TaskAwait(SimTask target)
    {
        _target = target;
    }

    public bool IsCompleted => _target.IsCompleted;

    public SimTask Target => _target;

    public void OnCompleted(Action continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Invariant.Assert(_continuation is null, "an awaiter is awaited once");
        ITaskLoop loop = _target.Loop;
        loop.CheckCaller("await SimTask");
        _continuation = continuation;
        _context = SynchronizationContext.Current;
        _waiter = loop.CurrentTask;
        if (_target.IsCompleted)
        {
            OnTaskFinished(_target);
            return;
        }

        _target.AddObserver(this);
        _waiter?.AddWait(this);
    }

    public void GetResult()
    {
        _waiter?.RemoveWait(this);
        if (_interrupted is { } cause)
        {
            throw new SimCancelledException(cause);
        }

        _target.ThrowIfNotSuccessful();
    }

    public void OnTaskFinished(SimTask task)
    {
        Action continuation = _continuation!;
        if (_context is { } context)
        {
            context.Post(s_resume, continuation);
        }
        else
        {
            continuation();
        }
    }

    public void Interrupt(CancellationCause cause)
    {
        if (_interrupted is not null)
        {
            return;
        }

        _interrupted = cause;
        ITaskLoop loop = _target.Loop;
        string waiter = _waiter?.Name ?? "?";
        _target.RequestCancel(new CancellationCause(_target.Name, $"'{waiter}' was cancelled while awaiting it",
            waiter, loop.Clock.Elapsed, cause));
    }

    public string Describe() => $"awaiting task '{_target.Name}'";
}
