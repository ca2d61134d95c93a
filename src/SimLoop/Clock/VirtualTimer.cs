using System;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// The ITimer handed out by VirtualClock.CreateTimer. A periodic timer is rescheduled at exactly due + period
// before its callback runs, so virtual time stays exact however long the callback takes (it takes none).
internal sealed class VirtualTimer : TimerEntry, ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _periodTicks;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, long sequence, object? owner, TimerCallback callback, object? state)
        : base(sequence, owner)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        VirtualClock.CheckTimerSpan(dueTime, nameof(dueTime));
        VirtualClock.CheckTimerSpan(period, nameof(period));
        _clock.CheckDueTime(dueTime, nameof(dueTime));
        if (_disposed)
        {
            return false;
        }

        _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        _clock.Schedule(this, _clock.DueAfter(dueTime));
        return true;
    }

    public override void Fire()
    {
        Invariant.Assert(DueTicks == _clock.ElapsedTicks, "a timer fires at exactly its due time");
        if (_periodTicks > 0)
        {
            _clock.Schedule(this, _clock.DueAfter(new TimeSpan(_periodTicks)));
        }
        else
        {
            DueTicks = NotScheduled;
        }

        _callback(_state);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _clock.Schedule(this, NotScheduled);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
