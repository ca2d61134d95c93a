using System;
using System.Threading;

namespace SimLoop;

// What every await inside a simulation captures. One instance per SimTask, all feeding the one ready queue, so
// each posted continuation knows the task it belongs to. Post never runs anything: the run loop does.
internal sealed class LoopSynchronizationContext : SynchronizationContext
{
    private readonly ITaskLoop _loop;

    public LoopSynchronizationContext(ITaskLoop loop, SimTask? owner)
    {
        _loop = loop;
        Owner = owner;
    }

    public SimTask? Owner { get; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        _loop.Post(d, state, Owner, TraceEventKind.Continuation);
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException(
            "SynchronizationContext.Send is not supported inside a simulation: it would run work outside a step. " +
            "Use Post, or await the work instead.");

    public override SynchronizationContext CreateCopy() => this;
}
