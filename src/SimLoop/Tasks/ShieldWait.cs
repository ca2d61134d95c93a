using System;
using System.Threading.Tasks;

namespace SimLoop;

// asyncio.shield: awaits a task without passing cancellation on to it. If the awaiting task is cancelled, the
// shield ends at once with that cancellation, and the shielded task keeps running.
internal sealed class ShieldWait<T> : IInterruptible, ITaskObserver
{
    private readonly SimTask _target;
    private readonly SimTask? _waiter;
    private readonly Func<SimTask, T> _result;
    private readonly TaskCompletionSource<T> _promise = new();
    private bool _done;

    private ShieldWait(SimTask target, Func<SimTask, T> result)
    {
        _target = target;
        _result = result;
        _waiter = target.Loop.CurrentTask;
    }

    public static Task<T> Start(SimTask target, Func<SimTask, T> result)
    {
        var shield = new ShieldWait<T>(target, result);
        if (target.IsCompleted)
        {
            shield.OnTaskFinished(target);
        }
        else
        {
            target.AddObserver(shield);
            shield._waiter?.AddWait(shield);
        }

        return shield._promise.Task;
    }

    public void OnTaskFinished(SimTask task)
    {
        if (!_done)
        {
            _done = true;
            _waiter?.RemoveWait(this);
            Outcome.CopyTo(_promise, task, _result);
        }
    }

    public void Interrupt(CancellationCause cause)
    {
        if (!_done)
        {
            _done = true;
            _target.RemoveObserver(this);
            _waiter?.RemoveWait(this);
            _promise.TrySetException(new SimCancelledException(cause));
        }
    }

    public string Describe() => $"in Sim.Shield of task '{_target.Name}'";
}
