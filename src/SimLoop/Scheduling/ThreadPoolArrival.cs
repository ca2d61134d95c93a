using System.Threading;

namespace SimLoop;

// One work item a step sent to the thread pool: posted to the ready queue the moment it was queued (so it
// takes its turn like any continuation), and, once a pool thread picks it up, the thread holding it at the
// guard until the loop hands it the baton.
internal sealed class ThreadPoolArrival
{
    public ThreadPoolArrival(long workId, long step)
    {
        WorkId = workId;
        SentAtStep = step;
    }

    public long WorkId { get; }

    public long SentAtStep { get; }

    /// <summary>Gets or sets the pool thread that carries the work, once it has arrived.</summary>
    public int ThreadId { get; set; }

    public bool HasArrived => ThreadId != 0;

    /// <summary>Gets the signal that lets the held pool thread run its work as one step.</summary>
    public ManualResetEventSlim Go { get; } = new(initialState: false);
}
