using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

/// <summary>How one simulation runs: its seed, strategy, start time and limits.</summary>
/// <remarks>Equal options and the same program give the same run, step for step.</remarks>
public sealed record SimulationOptions
{
    /// <summary>Gets the seed of every choice the run makes; 0 by default.</summary>
    public long Seed { get; init; }

    /// <summary>Gets how the next ready continuation is chosen; <see cref="ScheduleStrategy.Fifo"/> by default.</summary>
    public ScheduleStrategy Strategy { get; init; } = ScheduleStrategy.Fifo;

    /// <summary>Gets the virtual date and time at which the run starts; 2000-01-01T00:00:00Z by default.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the most steps a run may take before it fails with <see cref="SimulationLimitException"/>;
    /// 10,000,000 by default. A step is one continuation run or one timer fired.</summary>
    public long MaxSteps { get; init; } = 10_000_000;

    /// <summary>Gets the most virtual time a run may span before it fails with <see cref="SimulationLimitException"/>;
    /// 365 days by default.</summary>
    public TimeSpan MaxVirtualTime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Gets the most wall-clock time one step may run before the run fails with
    /// <see cref="SimulationException"/>; 10 seconds by default, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// for no limit.</summary>
    /// <remarks>
    /// <para>A step that blocks the simulation's thread (a synchronous wait such as <c>.Result</c>, <c>.Wait()</c>
    /// or <c>SemaphoreSlim.Wait()</c> on something only the loop can complete) would otherwise hang its caller for ever,
    /// and so would a step that loops without awaiting. Past this limit the blocked wait is interrupted, or the runaway
    /// step aborted, and the run fails naming the step, its task and where it waited.</para>
    /// <para>The limit is wall-clock time, measured outside the run: it never changes a run that stays within it, and
    /// it is not applied while a debugger is attached (a breakpoint may hold a step for as long as it likes).</para>
    /// </remarks>
    public TimeSpan MaxStepWallTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the deepest bug <see cref="ScheduleStrategy.Pct"/> aims at: each run makes between 1 and
    /// depth - 1 priority change points, the number drawn from the seed, so over the seeds it covers every bug that
    /// needs up to depth - 1 orderings between tasks to go one way; 5 by default.</summary>
    /// <remarks>At least 1 (1 runs the tasks by their seeded priorities alone; 2 makes exactly one change point).
    /// Each change point costs a factor of the program's length in the chance of a given schedule, which in the
    /// few dozen choices of a unit test's program is cheap: a deeper default reaches deeper bugs for little.</remarks>
    public int PctDepth { get; init; } = PctStrategy.DefaultDepth;

    /// <summary>Gets the number of scheduling choices (steps where more than one continuation could run, as
    /// <see cref="Simulation.Choices"/> counts them) over which <see cref="ScheduleStrategy.Pct"/> draws its change
    /// points; 0 (the default) leaves the horizon to the run.</summary>
    /// <remarks>With 0, the seed runners of SimLoop.NUnit and SimLoop.FsCheck measure it: seeds run in blocks of
    /// doubling size, each block's Pct drawing over the longest run of the blocks before it, and a failing seed's
    /// replay line pins the value it used (<c>SIMLOOP_PCT_STEPS</c>). A run with nothing before it (the first seed, or
    /// one <see cref="Simulation"/> on its own) draws the horizon from the seed: 4, 8, 16, ... choices, each half as
    /// likely as the one before. A positive value fixes it for every seed. Not negative.</remarks>
    public int PctSteps { get; init; }

    /// <summary>Gets the logger factory for SimLoop's own events and for <see cref="Sim.CreateLogger(string)"/>;
    /// <see langword="null"/> (no logging) by default.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets how many of the most recent trace entries <see cref="Simulation.Trace"/> keeps; 10,000 by default.
    /// The fingerprint always covers every entry; 0 keeps none.</summary>
    public int TraceCapacity { get; init; } = 10_000;

    /// <summary>Gets whether the run records every choice it makes into <see cref="Simulation.Schedule"/>;
    /// <see langword="false"/> by default (recording costs a little memory per real choice).</summary>
    public bool RecordSchedule { get; init; }

    /// <summary>Gets a recorded schedule to replay instead of choosing by <see cref="Strategy"/> and <see cref="Seed"/>;
    /// <see langword="null"/> by default.</summary>
    /// <remarks>Replay verifies every choice as it goes and throws <see cref="ScheduleMismatchException"/> at the first
    /// step that no longer fits.</remarks>
    public Schedule? Replay { get; init; }

    /// <summary>Gets whether the run keeps the lines written through <see cref="Simulation.CreateLogger(string)"/>,
    /// <see cref="Simulation.CreateLoggerFactory"/> and <see cref="Sim.CreateLogger(string)"/>, so that
    /// <see cref="Simulation.WriteTimeline(string, Exception)"/> shows them; <see langword="false"/> by default.</summary>
    /// <remarks>Lines are kept at every level, whether or not <see cref="LoggerFactory"/> is set or enabled for them, each
    /// with its step, virtual time and task; the most recent <see cref="TraceCapacity"/> lines are kept (at least one).
    /// When off, the loggers keep nothing and cost nothing more.</remarks>
    public bool CaptureLogs { get; init; }

    /// <summary>Gets the departures a minimization run follows instead of a strategy (internal to minimization).</summary>
    internal ScheduleGuide? Guide { get; init; }

    /// <summary>Gets whether the run lists its departures from Fifo order (internal to minimization).</summary>
    internal bool ObserveDepartures { get; init; }

    /// <summary>Names the strategy a run with these options uses, as failure reports show it: <c>fifo</c>,
    /// <c>random</c>, <c>pct(depth 5)</c>, or under <see cref="ScheduleStrategy.Portfolio"/> the member this seed runs:
    /// <c>portfolio: random</c>, <c>portfolio: pos</c> (partial order sampling) or <c>portfolio: pct(depth 5)</c>.</summary>
    /// <returns>The name; a function of <see cref="Strategy"/>, <see cref="Seed"/> and <see cref="PctDepth"/> alone.</returns>
    public string DescribeStrategy() => Portfolio.Describe(Strategy, Seed, PctDepth);

    internal void Validate()
    {
        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentOutOfRangeException("options", Strategy,
                $"SimulationOptions.Strategy must be Fifo, Random, Pct or Portfolio; it was {(int)Strategy}.");
        }

        if (PctDepth < 1)
        {
            throw new ArgumentOutOfRangeException("options", PctDepth,
                $"SimulationOptions.PctDepth must be at least 1; it was {PctDepth}.");
        }

        if (PctSteps < 0)
        {
            throw new ArgumentOutOfRangeException("options", PctSteps,
                $"SimulationOptions.PctSteps must be 0 (drawn from the seed) or positive; it was {PctSteps}.");
        }

        if (MaxSteps <= 0)
        {
            throw new ArgumentOutOfRangeException("options", MaxSteps,
                $"SimulationOptions.MaxSteps must be positive; it was {MaxSteps}.");
        }

        if (MaxVirtualTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", MaxVirtualTime,
                $"SimulationOptions.MaxVirtualTime must not be negative; it was {MaxVirtualTime}.");
        }

        // The clock reads StartTime plus the elapsed virtual time, which MaxVirtualTime bounds: past DateTimeOffset's
        // range that addition would throw inside the program under test, at whatever await first read the time.
        long ticksLeft = DateTimeOffset.MaxValue.UtcTicks - StartTime.UtcTicks;
        if (MaxVirtualTime.Ticks > ticksLeft)
        {
            long latestStart = DateTimeOffset.MaxValue.UtcTicks - MaxVirtualTime.Ticks;
            string earlierStart = latestStart >= 0
                ? $"start at {new DateTimeOffset(latestStart, TimeSpan.Zero):o} or earlier, or " : string.Empty;
            throw new ArgumentOutOfRangeException("options", StartTime,
                $"SimulationOptions.StartTime ({StartTime:o}) plus SimulationOptions.MaxVirtualTime ({MaxVirtualTime}) " +
                "passes DateTimeOffset.MaxValue, so the virtual clock could not tell the time late in the run: " +
                $"{earlierStart}lower MaxVirtualTime to at most {new TimeSpan(ticksLeft)}.");
        }

        if (MaxStepWallTime <= TimeSpan.Zero && MaxStepWallTime != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("options", MaxStepWallTime,
                $"SimulationOptions.MaxStepWallTime must be positive, or Timeout.InfiniteTimeSpan for no limit; it was {MaxStepWallTime}.");
        }

        if (MaxStepWallTime != System.Threading.Timeout.InfiniteTimeSpan && MaxStepWallTime.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException("options", MaxStepWallTime,
                $"SimulationOptions.MaxStepWallTime must be at most {int.MaxValue} ms; it was {MaxStepWallTime}.");
        }

        if (TraceCapacity < 0)
        {
            throw new ArgumentOutOfRangeException("options", TraceCapacity,
                $"SimulationOptions.TraceCapacity must not be negative; it was {TraceCapacity}.");
        }
    }
}
