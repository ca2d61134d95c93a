using System.Threading;

namespace SimLoop;

// One work item a step sent to the thread pool: posted to the ready queue the moment it was queued (so it
// takes its turn like any continuation), and, once a pool thread dequeues it, the thread holding it before it
// runs until the loop hands it the baton.
internal sealed class ThreadPoolArrival
{
    public ThreadPoolArrival(ThreadGuard guard, long workId, long step)
    {
        Guard = guard;
        WorkId = workId;
        SentAtStep = step;
    }

    /// <summary>Gets the guard of the run whose step sent the work.</summary>
    public ThreadGuard Guard { get; }

    public long WorkId { get; }

    public long SentAtStep { get; }

    /// <summary>Gets or sets the pool thread that carries the work, once it has dequeued it.</summary>
    public int ThreadId { get; set; }

    public bool HasArrived => ThreadId != 0;

    /// <summary>Gets the signal that lets the held pool thread run its work as one step.</summary>
    public ManualResetEventSlim Go { get; } = new(initialState: false);
}
