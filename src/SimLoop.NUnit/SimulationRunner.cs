using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace SimLoop;

/// <summary>Runs an async body under a fresh <see cref="Simulation"/> once per seed, in parallel across cores,
/// and fails with one report naming every failing seed and the line that replays it.</summary>
/// <remarks>This is the engine of <see cref="SimulationTestAttribute"/>, usable from any test framework or from
/// FsCheck properties. Each seed runs on a dedicated thread, one simulation per thread at a time; results are
/// reported in seed order.</remarks>
public static class SimulationRunner
{
    /// <summary>Runs <paramref name="body"/> once per seed and throws if any seed failed.</summary>
    /// <param name="body">The program, run as the task "main" of each seed's simulation.</param>
    /// <param name="options">Seeds, strategy and reporting; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="SeedFailureException">At least one seed failed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range, such as <see cref="SeedRunOptions.Seeds"/>
    /// below 1 (the message names it).</exception>
    /// <exception cref="InvalidOperationException">A <c>SIMLOOP_*</c> variable or the regressions file is malformed.</exception>
    /// <exception cref="InconclusiveException"><c>SIMLOOP_SHARD=k/n</c> leaves this process no seed to run (the message
    /// says so): nothing was tested, which is reported, not passed.</exception>
    public static void Check(Func<Task> body, SeedRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        Check(_ => body(), options);
    }

    /// <summary>Runs <paramref name="body"/> once per seed, handing it that seed's simulation, and throws if any
    /// seed failed.</summary>
    /// <param name="body">The program, run as the task "main" of each seed's simulation.</param>
    /// <param name="options">Seeds, strategy and reporting; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="SeedFailureException">At least one seed failed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range, such as <see cref="SeedRunOptions.Seeds"/>
    /// below 1 (the message names it).</exception>
    /// <exception cref="InvalidOperationException">A <c>SIMLOOP_*</c> variable or the regressions file is malformed.</exception>
    /// <exception cref="InconclusiveException"><c>SIMLOOP_SHARD=k/n</c> leaves this process no seed to run (the message
    /// says so): nothing was tested, which is reported, not passed.</exception>
    public static void Check(Func<Simulation, Task> body, SeedRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options ??= new SeedRunOptions();
        options.Validate();
        string? name = options.TestName ?? CurrentTest.Name();
        RegressionsFile? regressions = options.RegressionsPath is { } path
            ? new RegressionsFile(path, System.IO.Path.GetFileName(path))
            : null;
        SeedRun.Execute(body, options, name, name ?? "default", regressions).ThrowIfFailed();
    }
}
