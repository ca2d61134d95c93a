using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// One entry of the ready queue: a posted callback, or a Task queued to the loop's TaskScheduler, together with
// the SimTask it belongs to (for the trace, Pct's priorities and deadlock reports) and its posting order. A queued
// Task travels as the state of a QueuedTask item, so every item is 40 bytes to copy rather than 48.
internal readonly struct WorkItem
{
    public WorkItem(SendOrPostCallback callback, object? state, SimTask? owner, long sequence, TraceEventKind kind)
    {
        Callback = callback;
        State = state;
        Owner = owner;
        Sequence = sequence;
        Kind = kind;
    }

    public SendOrPostCallback Callback { get; }

    public object? State { get; }

    /// <summary>Gets the Task queued to the loop's TaskScheduler that this item runs, or null for a posted callback.</summary>
    public Task? Task => Kind == TraceEventKind.QueuedTask ? (Task)State! : null;

    public SimTask? Owner { get; }

    public long Sequence { get; }

    public TraceEventKind Kind { get; }
}
