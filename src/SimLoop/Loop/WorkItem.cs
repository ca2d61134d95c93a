using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// One entry of the ready queue: a posted callback, or a Task queued to the loop's TaskScheduler, together with
// the SimTask it belongs to (for the trace, Pct's priorities and deadlock reports) and its posting order.
internal readonly struct WorkItem
{
    public WorkItem(SendOrPostCallback? callback, object? state, Task? task, SimTask? owner, long sequence, TraceEventKind kind)
    {
        Callback = callback;
        State = state;
        Task = task;
        Owner = owner;
        Sequence = sequence;
        Kind = kind;
    }

    public SendOrPostCallback? Callback { get; }

    public object? State { get; }

    public Task? Task { get; }

    public SimTask? Owner { get; }

    public long Sequence { get; }

    public TraceEventKind Kind { get; }
}
