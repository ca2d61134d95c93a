using System;
using Microsoft.Extensions.Logging;
using System.Threading;

namespace SimLoop;

// Cancellation as asyncio does it: Cancel() only records a request and posts its delivery; the delivery step
// cancels the task's CancellationToken and interrupts the SimLoop waits the task is blocked in, so the task sees
// SimCancelledException at its innermost await, on a later step, exactly once.
public abstract partial class SimTask
{
    private static readonly SendOrPostCallback s_deliver = static state => ((SimTask)state!).Deliver();

    private CancellationCause? _pendingCause;
    private CancellationTokenSource? _tokenSource;
    private bool _tokenCancelled;
    private bool _deliveryPosted;

    /// <summary>Gets a token that is cancelled when this task's cancellation is delivered, and stays cancelled.</summary>
    /// <remarks>Pass it to .NET APIs that take a token. If the task is blocked in such an API (rather than in a SimLoop
    /// wait) when its cancellation is delivered, the cancellation reaches it through this token alone.</remarks>
    public CancellationToken CancellationToken
    {
        get
        {
            if (_tokenCancelled)
            {
                return new CancellationToken(canceled: true);
            }

            _tokenSource ??= new CancellationTokenSource();
            return _tokenSource.Token;
        }
    }

    /// <summary>Requests the cancellation of this task; the task sees it at its current await on a later step.</summary>
    /// <param name="reason">Why, for the <see cref="SimLoop.CancellationCause"/>; "Cancel() was called" if omitted.</param>
    /// <returns><see langword="true"/> unless the task has already finished (also when asked twice).</returns>
    /// <exception cref="InvalidOperationException">Called from another thread while the simulation runs.</exception>
    /// <remarks>
    /// A task cancelled before its first step never runs its body. A task awaiting another <see cref="SimTask"/>
    /// passes the cancellation on to it and keeps waiting until it has finished. Once delivered, a later SimLoop
    /// wait in the same task (in a <c>catch</c> or <c>finally</c>) waits normally unless the task is cancelled again.
    /// </remarks>
    public bool Cancel(string? reason = null)
    {
        Loop.CheckCaller("SimTask.Cancel");
        if (IsCompleted)
        {
            return false;
        }

        SimTask? requester = Loop.CurrentTask;
        return RequestCancel(new CancellationCause(Name, reason ?? "Cancel() was called", requester?.Name,
            Loop.Clock.Elapsed, inner: null));
    }

    internal bool RequestCancel(CancellationCause cause)
    {
        if (IsCompleted)
        {
            return false;
        }

        if (_pendingCause is null)
        {
            _pendingCause = cause;
            CancellationCause = cause;
            string text = cause.ToString();
            Loop.RecordCancellation(this, cause, text);
            if (Loop.Logger.IsEnabled(LogLevel.Information))
            {
                Log.CancellationRequested(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, Name, Id, text);
            }
        }

        if (!_deliveryPosted)
        {
            _deliveryPosted = true;
            Loop.Post(s_deliver, this, this, TraceEventKind.CancellationDelivered);
        }

        return true;
    }

    /// <summary>Used by waits that cannot be interrupted (<c>Sim.Yield</c>): throws a pending cancellation.</summary>
    internal void ThrowIfCancellationPending()
    {
        if (_status == SimTaskStatus.Running && TakePendingCause() is { } cause)
        {
            throw new SimCancelledException(cause);
        }
    }

    // Token callbacks run with no SynchronizationContext, as timer callbacks do, so that the BCL's own
    // ConfigureAwait(false) awaits woken by the token (SemaphoreSlim.WaitAsync(token), Task.Delay(token), ...)
    // continue inline on the loop instead of being queued to the thread pool.
    private void CancelTokenSource()
    {
        if (_tokenSource is null)
        {
            return;
        }

        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            _tokenSource.Cancel();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private CancellationCause? TakePendingCause()
    {
        CancellationCause? cause = _pendingCause;
        _pendingCause = null;
        return cause;
    }

    private void Deliver()
    {
        _deliveryPosted = false;
        if (_status != SimTaskStatus.Running)
        {
            return; // finished already, or not started: its first step will see the request and skip the body
        }

        bool tokenInUse = _tokenSource is not null;
        _tokenCancelled = true;
        if (_pendingCause is null)
        {
            CancelTokenSource();
            return; // already seen at a Sim.Yield
        }

        // The task's SimLoop waits first, with the cause: a wait that was also handed the task's own token (as
        // Sim.Delay(t, token) is) then ends with the cause, not as "the token was cancelled".
        if (_waits.Count > 0)
        {
            CancellationCause cause = TakePendingCause()!;
            foreach (IInterruptible wait in _waits.ToArray())
            {
                wait.Interrupt(cause);
            }
        }
        else if (tokenInUse)
        {
            _pendingCause = null; // blocked in a .NET await that was handed the token: the token delivers it
        }

        CancelTokenSource();
    }
}
