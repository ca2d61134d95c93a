using System;
using System.IO;

namespace SimLoop;

/// <summary>How <see cref="SimulationRunner"/> runs a body over seeds: how many, under which strategy, and where
/// it reports.</summary>
/// <remarks>The environment overrides these settings: <c>SIMLOOP_SEED</c> replays one seed, <c>SIMLOOP_SEEDS</c>
/// sets how many seeds run, <c>SIMLOOP_SHARD=k/n</c> takes the k-th of n shares of them, and
/// <c>SIMLOOP_STRATEGY</c> sets the strategy.</remarks>
public sealed record SeedRunOptions
{
    /// <summary>Gets how many seeds run (seeds 0 to <c>Seeds - 1</c>) unless <c>SIMLOOP_SEEDS</c> says otherwise;
    /// 100 by default.</summary>
    /// <remarks>At least 1; any count up to <see cref="int.MaxValue"/> is accepted. Seeds are computed from the
    /// range, never listed, and only the first 1,000 failures are kept, so a large count costs time, not memory;
    /// spread it over machines with <c>SIMLOOP_SHARD=k/n</c>. A value below 1 makes the run throw
    /// <see cref="ArgumentOutOfRangeException"/>.</remarks>
    public int Seeds { get; init; } = 100;

    /// <summary>Gets the strategy of every run unless <c>SIMLOOP_STRATEGY</c> says otherwise;
    /// <see cref="ScheduleStrategy.Portfolio"/> by default (seeds take Random and Pct at two depths in turn).</summary>
    public ScheduleStrategy Strategy { get; init; } = ScheduleStrategy.Portfolio;

    /// <summary>Gets the options each run starts from (limits, start time, logging); its seed and strategy are
    /// replaced by each run's. The defaults when <see langword="null"/>.</summary>
    public SimulationOptions? Simulation { get; init; }

    /// <summary>Gets the name the replay line filters on, such as <c>TransferTests.Transfer_never_loses_money</c>;
    /// when <see langword="null"/>, the current NUnit test's class and method.</summary>
    public string? TestName { get; init; }

    /// <summary>Gets the path of a regressions file whose seeds for <see cref="TestName"/> run first and to which
    /// a failing seed is appended; <see langword="null"/> (none) by default.</summary>
    public string? RegressionsPath { get; init; }

    /// <summary>Gets how many seeds run at once, each on its own thread; 0 (the default) means one per core.</summary>
    /// <remarks>A negative value makes the run throw <see cref="ArgumentOutOfRangeException"/>.</remarks>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Gets where progress lines of long runs go; NUnit's <c>TestContext.Progress</c> when
    /// <see langword="null"/>.</summary>
    public TextWriter? Progress { get; init; }

    // Test seams: where the SIMLOOP_* variables and the wall clock come from.
    internal Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    internal TimeProvider WallClock { get; init; } = TimeProvider.System;

    internal TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    // Where every seed logs as it runs ([SimulationTest(Log = ...)]); none by default, so passing seeds never log.
    internal TextWriter? LogOutput { get; init; }

    // Test seam: the capture a failing seed's re-run logs into, made only when a seed has failed.
    internal Func<LogCapture> NewLogCapture { get; init; } = static () => new LogCapture();

    /// <summary>Checks every setting, so a bad one fails the run before any seed starts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (the message names it).</exception>
    /// <exception cref="ArgumentException">A name or path is empty.</exception>
    internal void Validate()
    {
        if (Seeds < 1)
        {
            throw new ArgumentOutOfRangeException("options", Seeds,
                $"SeedRunOptions.Seeds must be at least 1; it was {Seeds}, which would run no seed and test nothing.");
        }

        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentOutOfRangeException("options", Strategy, $"SeedRunOptions.Strategy must be Fifo, Random, Pct or Portfolio; it was {(int)Strategy}.");
        }

        if (MaxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException("options", MaxDegreeOfParallelism,
                $"SeedRunOptions.MaxDegreeOfParallelism must be 0 (one thread per core) or more; it was {MaxDegreeOfParallelism}.");
        }

        if (TestName is not null && string.IsNullOrWhiteSpace(TestName))
        {
            throw new ArgumentException("SeedRunOptions.TestName must be null (the current NUnit test) or a name; it was empty.", "options");
        }

        if (RegressionsPath is not null && string.IsNullOrWhiteSpace(RegressionsPath))
        {
            throw new ArgumentException("SeedRunOptions.RegressionsPath must be null (no file) or a path; it was empty.", "options");
        }
    }
}
