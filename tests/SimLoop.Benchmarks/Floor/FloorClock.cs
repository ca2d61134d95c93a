namespace SimLoop.Benchmarks.Floor;

// The floor's TimeProvider: virtual time read from the loop, timers kept in the loop's priority queue, so
// Task.Delay(t, clock), CancellationTokenSource(t, clock) and PeriodicTimer run in virtual time on the loop.
public sealed class FloorClock : TimeProvider
{
    private static readonly DateTimeOffset s_start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FloorLoop _loop;

    internal FloorClock(FloorLoop loop)
    {
        _loop = loop;
    }

    public override DateTimeOffset GetUtcNow() => s_start.AddTicks(_loop.ElapsedTicks);

    public override long GetTimestamp() => _loop.ElapsedTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FloorTimer(_loop, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}
