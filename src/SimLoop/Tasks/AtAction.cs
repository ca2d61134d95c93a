using System;

namespace SimLoop;

// An action scheduled with sim.At: the environment acting on the program at a virtual instant (the notes'
// Ctrl+C). It belongs to no task, so under Pct it runs before any task's work.
internal sealed class AtAction : TimerEntry
{
    private readonly Action _action;

    public AtAction(long sequence, Action action)
        : base(sequence, owner: null)
    {
        _action = action;
    }

    public override TraceEventKind Kind => TraceEventKind.ActionRun;

    public override void Fire() => _action();
}
