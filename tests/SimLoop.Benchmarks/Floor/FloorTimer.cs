namespace SimLoop.Benchmarks.Floor;

// The ITimer the floor's clock hands out. Changing or disposing it bumps its version, which retires the entry the
// queue holds; a periodic timer schedules its next firing before it runs its callback.
internal sealed class FloorTimer : ITimer, IFloorTimer
{
    private readonly FloorLoop _loop;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _periodTicks;
    private int _version;
    private bool _disposed;

    public FloorTimer(FloorLoop loop, TimerCallback callback, object? state)
    {
        _loop = loop;
        _callback = callback;
        _state = state;
    }

    public bool IsCurrent(int version) => version == _version;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        _version++;
        _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _loop.Schedule(this, _version, _loop.ElapsedTicks + dueTime.Ticks);
        }

        return true;
    }

    public void Fire()
    {
        if (_periodTicks > 0)
        {
            _loop.Schedule(this, ++_version, _loop.ElapsedTicks + _periodTicks);
        }
        else
        {
            _version++;
        }

        _callback(_state);
    }

    public void Dispose()
    {
        _disposed = true;
        _version++;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
