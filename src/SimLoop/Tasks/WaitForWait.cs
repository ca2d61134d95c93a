using System;
using System.Threading.Tasks;

namespace SimLoop;

// asyncio.wait_for. On timeout it cancels the task, waits until the task has finished (its handlers and finally
// blocks have run), and only then throws TimeoutException, whose inner exception is the task's cancellation. If
// the waiting task is cancelled first, it cancels the task the same way and then throws its own cancellation.
// A task that swallows the timeout's cancellation and returns a result makes WaitFor return it (as asyncio).
internal sealed class WaitForWait<T> : TimerEntry, IInterruptible, ITaskObserver
{
    private readonly ITaskLoop _loop;
    private readonly SimTask _target;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _startedAt;
    private readonly Func<SimTask, T> _result;
    private readonly TaskCompletionSource<T> _promise = new();
    private CancellationCause? _timedOut;
    private CancellationCause? _cancelled;
    private bool _done;

    private WaitForWait(SimTask target, TimeSpan timeout, Func<SimTask, T> result)
        : base(target.Loop.Clock.NextTimerSequence(), target.Loop.CurrentTask)
    {
        _loop = target.Loop;
        _target = target;
        _timeout = timeout;
        _result = result;
        _startedAt = _loop.Clock.Elapsed;
    }

    /// <summary>Gets the task that waits (the timer's owner).</summary>
    private SimTask? Waiter => (SimTask?)Owner;

    public static Task<T> Start(SimTask target, TimeSpan timeout, Func<SimTask, T> result)
    {
        var wait = new WaitForWait<T>(target, timeout, result);
        if (target.IsCompleted)
        {
            wait.OnTaskFinished(target);
            return wait._promise.Task;
        }

        target.AddObserver(wait);
        if (timeout == TimeSpan.Zero)
        {
            wait.Fire();
        }
        else
        {
            wait._loop.Clock.Schedule(wait, wait._loop.Clock.DueAfter(timeout));
        }

        wait.Waiter?.AddWait(wait);
        return wait._promise.Task;
    }

    public override void Fire()
    {
        if (_done || _cancelled is not null || _target.IsCompleted)
        {
            return;
        }

        _timedOut = new CancellationCause(_target.Name, $"timeout of {TimeFormat.Duration(_timeout)} in WaitFor",
            Waiter?.Name, _loop.Clock.Elapsed, inner: null);
        _target.RequestCancel(_timedOut);
    }

    public void Interrupt(CancellationCause cause)
    {
        if (_done || _cancelled is not null)
        {
            return;
        }

        _cancelled = cause;
        Unschedule();
        string waiter = Waiter?.Name ?? "?";
        _target.RequestCancel(new CancellationCause(_target.Name, $"'{waiter}' was cancelled while waiting for it in WaitFor",
            waiter, _loop.Clock.Elapsed, cause));
    }

    public string Describe() => $"in WaitFor of task '{_target.Name}' (timeout {TimeFormat.Duration(_timeout)})";

    public void OnTaskFinished(SimTask task)
    {
        _done = true;
        Unschedule();
        Waiter?.RemoveWait(this);
        if (_cancelled is not null)
        {
            // The task's own exception, if any, stays unobserved: Run reports it rather than losing it.
            _promise.TrySetException(new SimCancelledException(_cancelled));
        }
        else if (_timedOut is not null && task.IsCancelled)
        {
            Exception? cancellation = task.ObserveException();
            _promise.TrySetException(new TimeoutException(
                $"Task '{task.Name}' did not finish within {TimeFormat.Duration(_timeout)} (WaitFor started at " +
                $"{TimeFormat.Instant(_startedAt)} by {SimTask.Describe(Waiter)}); " +
                $"it was cancelled and has finished. Cause: {_timedOut}", cancellation));
        }
        else
        {
            Outcome.CopyTo(_promise, task, _result);
        }
    }

    private void Unschedule()
    {
        if (IsQueued)
        {
            _loop.Clock.Schedule(this, NotScheduled);
        }
    }
}
