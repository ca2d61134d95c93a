namespace SimLoop;

// The state of one timer in the timer queue: when it is due, its creation order (the tie-break between timers
// due at the same instant) and a version that changes whenever it is rescheduled, so that a firing batch can
// tell a timer it collected from one that was changed under it.
internal abstract class TimerEntry
{
    public const long NotScheduled = long.MaxValue;

    protected TimerEntry(long sequence, object? owner)
    {
        Sequence = sequence;
        Owner = owner;
    }

    /// <summary>Gets the elapsed ticks at which this timer fires, or <see cref="NotScheduled"/>.</summary>
    public long DueTicks { get; set; } = NotScheduled;

    public long Sequence { get; }

    public int Version { get; set; }

    /// <summary>Gets or sets whether the timer is in the timer queue (set by the queue only).</summary>
    public bool IsQueued { get; set; }

    /// <summary>Gets or sets a mark the timer queue uses while it rebuilds its heap.</summary>
    public bool IsKept { get; set; }

    /// <summary>Gets the tag of what created the timer (the task, to the loop): opaque to the clock.</summary>
    public object? Owner { get; }

    public virtual TraceEventKind Kind => TraceEventKind.TimerFired;

    /// <summary>Runs on the loop thread with no SynchronizationContext and the default TaskScheduler.</summary>
    public abstract void Fire();
}
