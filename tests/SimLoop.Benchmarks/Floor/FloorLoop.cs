namespace SimLoop.Benchmarks.Floor;

// The floor: the smallest correct single-threaded SynchronizationContext pump with an auto-advancing clock over a
// priority queue. It is a measuring stick for the benchmarks, not the product: no strategies, no trace, no task
// handles, no cancellation rules, no thread guard, no limits. Ready work runs in posting order (asyncio's order);
// only when nothing is ready does the clock jump to the earliest timer, ties in creation order.
public sealed class FloorLoop : SynchronizationContext
{
    private static readonly SendOrPostCallback s_fireTimer = static state => ((IFloorTimer)state!).Fire();

    private readonly PriorityQueue<(IFloorTimer Timer, int Version), (long DueTicks, long Sequence)> _timers = new();
    private (SendOrPostCallback Callback, object? State)[] _ready = new (SendOrPostCallback, object?)[16];
    private int _head;
    private int _count;
    private long _timerSequence;

    public FloorLoop()
    {
        Clock = new FloorClock(this);
    }

    /// <summary>The loop's TimeProvider: its time is virtual and moves only when nothing is ready.</summary>
    public FloorClock Clock { get; }

    public long ElapsedTicks { get; private set; }

    public long Steps { get; private set; }

    /// <summary>Runs <paramref name="main"/> on this thread until it completes; rethrows its exception.</summary>
    public void Run(Func<Task> main)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            Task task = Spawn(main);
            while (!task.IsCompleted)
            {
                if (_count > 0)
                {
                    RunOne();
                }
                else if (!FireNextTimers())
                {
                    throw new InvalidOperationException("Deadlock: nothing is ready, no timer is pending, main is not done.");
                }
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>asyncio's create_task: the body's first step runs on a later step.</summary>
    public Task Spawn(Func<Task> body) => Deferred(body);

    /// <summary>asyncio's sleep: completes <paramref name="delay"/> of virtual time from now, or cancelled by the token.</summary>
    public Task Delay(TimeSpan delay, CancellationToken token = default)
    {
        var promise = new DelayPromise();
        Schedule(promise, 0, ElapsedTicks + delay.Ticks);
        if (token.CanBeCanceled)
        {
            promise.Registration = token.UnsafeRegister(DelayPromise.OnCancelled, promise);
        }

        return promise.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (_count == _ready.Length)
        {
            Grow();
        }

        _ready[(_head + _count) & (_ready.Length - 1)] = (d, state);
        _count++;
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public override SynchronizationContext CreateCopy() => this;

    internal void Schedule(IFloorTimer timer, int version, long dueTicks) =>
        _timers.Enqueue((timer, version), (dueTicks, ++_timerSequence));

    private static async Task Deferred(Func<Task> body)
    {
        await Task.Yield();
        await body();
    }

    private void RunOne()
    {
        (SendOrPostCallback callback, object? state) = _ready[_head];
        _ready[_head] = default;
        _head = (_head + 1) & (_ready.Length - 1);
        _count--;
        Steps++;
        callback(state);
    }

    // Timers cancelled or rescheduled stay in the queue (lazy deletion) and are skipped here without moving the clock.
    // A due timer's firing is posted as a step, so its continuations run in posting order like everything else.
    private bool FireNextTimers()
    {
        while (_timers.TryPeek(out (IFloorTimer Timer, int Version) next, out (long DueTicks, long Sequence) due))
        {
            if (!next.Timer.IsCurrent(next.Version))
            {
                _timers.Dequeue();
                continue;
            }

            ElapsedTicks = due.DueTicks;
            while (_timers.TryPeek(out next, out due) && due.DueTicks == ElapsedTicks)
            {
                _timers.Dequeue();
                if (next.Timer.IsCurrent(next.Version))
                {
                    Post(s_fireTimer, next.Timer);
                }
            }

            return true;
        }

        return false;
    }

    private void Grow()
    {
        var larger = new (SendOrPostCallback, object?)[_ready.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            larger[i] = _ready[(_head + i) & (_ready.Length - 1)];
        }

        _ready = larger;
        _head = 0;
    }
}
