using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// One Sim.Delay (asyncio.sleep): a timer and a promise. It ends when the timer fires, when the token passed to
// Sim.Delay is cancelled, or when the cancellation of the task that started it is delivered. A zero delay is a
// posted step rather than a timer, so it yields to ready work without waiting for the loop to go idle.
internal sealed class DelayWait : TimerEntry, IInterruptible
{
    private static readonly SendOrPostCallback s_fireNow = static state => ((DelayWait)state!).Complete(null);
    private static readonly Action<object?> s_tokenCancelled = static state => ((DelayWait)state!).OnTokenCancelled();

    private readonly ITaskLoop _loop;
    private readonly TimeSpan _delay;
    private readonly TaskCompletionSource _promise = new();
    // Boxed, and only for a token that can be cancelled: most delays have none, and a million sleeping tasks then
    // keep 8 bytes each rather than 16.
    private StrongBox<CancellationTokenRegistration>? _registration;
    private bool _done;

    private DelayWait(ITaskLoop loop, TimeSpan delay)
        : base(loop.Clock.NextTimerSequence(), loop.CurrentTask)
    {
        _loop = loop;
        _delay = delay;
    }

    public static Task Start(ITaskLoop loop, TimeSpan delay, CancellationToken token)
    {
        var wait = new DelayWait(loop, delay);
        if (token.IsCancellationRequested)
        {
            wait.OnTokenCancelled();
            return wait._promise.Task;
        }

        if (delay == TimeSpan.Zero)
        {
            loop.Post(s_fireNow, wait, wait.Waiter, TraceEventKind.Continuation);
        }
        else
        {
            loop.Clock.Schedule(wait, loop.Clock.DueAfter(delay));
        }

        if (token.CanBeCanceled)
        {
            wait._registration = new StrongBox<CancellationTokenRegistration>(token.UnsafeRegister(s_tokenCancelled, wait));
        }

        wait.Waiter?.AddWait(wait);
        return wait._promise.Task;
    }

    /// <summary>Gets the task that waits (the timer's owner).</summary>
    private SimTask? Waiter => (SimTask?)Owner;

    public override void Fire() => Complete(null);

    public void Interrupt(CancellationCause cause) => Complete(new SimCancelledException(cause));

    public string Describe() => $"in Sim.Delay({TimeFormat.Duration(_delay)})";

    private void OnTokenCancelled() =>
        Complete(new SimCancelledException(new CancellationCause(Waiter?.Name ?? "(none)",
            "the CancellationToken passed to Sim.Delay was cancelled", _loop.CurrentTask?.Name, _loop.Clock.Elapsed, inner: null)));

    private void Complete(Exception? exception)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        if (IsQueued)
        {
            _loop.Clock.Schedule(this, NotScheduled);
        }

        _registration?.Value.Dispose();
        Waiter?.RemoveWait(this);
        if (exception is null)
        {
            _promise.TrySetResult();
        }
        else
        {
            _promise.TrySetException(exception);
        }
    }
}
