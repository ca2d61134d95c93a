using System;
using System.Threading;

namespace SimLoop;

/// <summary>A <see cref="TimeProvider"/> whose time is the simulation's virtual time.</summary>
/// <remarks>
/// <para>Everything in .NET that takes a <see cref="TimeProvider"/> runs in virtual time when given this clock:
/// <c>Task.Delay(delay, clock)</c>, <c>new CancellationTokenSource(delay, clock)</c>, <c>new PeriodicTimer(period,
/// clock)</c>, <c>task.WaitAsync(timeout, clock)</c>, <see cref="GetTimestamp"/> and <see cref="GetUtcNow"/>.</para>
/// <para>Time moves only when nothing in the simulation is ready to run; it then jumps to the earliest due
/// timer. Timers never fire inline from the clock: the run loop fires them, earliest due time first, timers due
/// at the same instant in creation order (or in a seeded order under <see cref="ScheduleStrategy.Random"/>).
/// The resolution is one tick (100 ns). <see cref="LocalTimeZone"/> is UTC, so no run depends on the machine.</para>
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    private readonly ITimerContext _context;
    private readonly DateTimeOffset _start;
    private long _elapsedTicks;
    private long _timerSequence;

    internal VirtualClock(DateTimeOffset start, ITimerContext context)
    {
        _context = context;
        _start = start.ToUniversalTime();
    }

    /// <summary>Gets the virtual time that has passed since the start of the run.</summary>
    public TimeSpan Elapsed => new(_elapsedTicks);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets UTC: a simulation never depends on the machine's time zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    internal long ElapsedTicks => _elapsedTicks;

    /// <summary>Gets the pending timers, earliest due first; the loop fires them.</summary>
    internal TimerQueue Timers { get; } = new();

    /// <summary>The creation order of the next timer: the tie-break between timers due at the same instant.</summary>
    internal long NextTimerSequence() => ++_timerSequence;

    /// <summary>Gets the current virtual date and time, in UTC.</summary>
    /// <returns>The start time of the simulation plus the virtual time elapsed.</returns>
    public override DateTimeOffset GetUtcNow() => _start.AddTicks(_elapsedTicks);

    /// <summary>Gets the virtual time elapsed since the start of the run, in ticks of <see cref="TimestampFrequency"/>.</summary>
    /// <returns>The timestamp; use <see cref="TimeProvider.GetElapsedTime(long)"/> to measure an interval.</returns>
    public override long GetTimestamp() => _elapsedTicks;

    /// <summary>Creates a timer that fires in virtual time, on the simulation's thread.</summary>
    /// <param name="callback">What to run when the timer fires.</param>
    /// <param name="state">The argument passed to <paramref name="callback"/>.</param>
    /// <param name="dueTime">Virtual time until the first firing; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="period">Virtual time between firings; <see cref="TimeSpan.Zero"/> or
    /// <see cref="Timeout.InfiniteTimeSpan"/> to fire once.</param>
    /// <returns>The timer; <see cref="ITimer.Change"/> reschedules it and <see cref="IDisposable.Dispose"/> stops it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueTime"/> or <paramref name="period"/> is
    /// negative and not <see cref="Timeout.InfiniteTimeSpan"/>, or the virtual time now plus <paramref name="dueTime"/>
    /// is <see cref="TimeSpan.MaxValue"/> or more (past the virtual time the clock can count).</exception>
    /// <exception cref="InvalidOperationException">Called from another thread while the simulation runs.</exception>
    /// <remarks>A period so long that a later firing would pass the virtual time the clock can count never fires
    /// again; <see cref="ITimer.Change"/> checks its arguments as this method does.</remarks>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckTimerSpan(dueTime, nameof(dueTime));
        CheckTimerSpan(period, nameof(period));
        CheckDueTime(dueTime, nameof(dueTime));
        _context.CheckCaller("VirtualClock.CreateTimer");
        var timer = new VirtualTimer(this, NextTimerSequence(), _context.CurrentOwner, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal static void CheckTimerSpan(TimeSpan value, string paramName)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be zero or positive, or Timeout.InfiniteTimeSpan for never; it was {value}.");
        }
    }

    /// <summary>Throws when a wait of <paramref name="delay"/> from now would be due past the virtual time the clock can
    /// count (the tick counter's range, where <see cref="TimerEntry.NotScheduled"/> lies).</summary>
    internal void CheckDueTime(TimeSpan delay, string paramName)
    {
        if (delay != Timeout.InfiniteTimeSpan && delay.Ticks >= TimerEntry.NotScheduled - _elapsedTicks)
        {
            throw new ArgumentOutOfRangeException(paramName, delay,
                $"{paramName} of {delay} from the current virtual time ({Elapsed}) would be due at or past " +
                $"TimeSpan.MaxValue, the most virtual time the clock can count; it must be less than " +
                $"{new TimeSpan(TimerEntry.NotScheduled - _elapsedTicks)}, or Timeout.InfiniteTimeSpan for never.");
        }
    }

    /// <summary>Schedules (or, with <see cref="TimerEntry.NotScheduled"/>, unschedules) a timer.</summary>
    internal void Schedule(TimerEntry entry, long dueTicks)
    {
        if (entry.IsQueued)
        {
            Timers.Remove(entry);
        }

        entry.Version++;
        entry.DueTicks = dueTicks;
        if (dueTicks != TimerEntry.NotScheduled)
        {
            Invariant.Assert(dueTicks >= _elapsedTicks, "a timer is never scheduled in the past");
            Timers.Add(entry);
        }
    }

    /// <summary>Due ticks for a delay from now, saturating instead of overflowing for huge delays: the entry points reject
    /// such delays (<see cref="CheckDueTime"/>), so only a periodic timer's next firing can saturate here.</summary>
    internal long DueAfter(TimeSpan delay) =>
        delay == Timeout.InfiniteTimeSpan ? TimerEntry.NotScheduled
        : delay.Ticks >= TimerEntry.NotScheduled - _elapsedTicks ? TimerEntry.NotScheduled - 1
        : _elapsedTicks + delay.Ticks;

    internal void AdvanceTo(long ticks)
    {
        Invariant.Assert(ticks >= _elapsedTicks, "virtual time never moves backwards");
        _elapsedTicks = ticks;
    }
}
