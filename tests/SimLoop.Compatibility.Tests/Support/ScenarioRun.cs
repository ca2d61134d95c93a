namespace SimLoop.Compatibility.Tests.Support;

/// <summary>What one run of a compatibility scenario left behind: its output, its trace's fingerprint, and what the
/// probe saw about where and how the scenario's code ran.</summary>
/// <param name="Strategy">The strategy the run used.</param>
/// <param name="Seed">The seed the run used.</param>
/// <param name="Lines">What the scenario printed, in order.</param>
/// <param name="Fingerprint">The run's <see cref="SimulationTrace.Fingerprint"/>.</param>
/// <param name="Elapsed">The virtual time the run took.</param>
/// <param name="MaxConcurrent">The most pieces of scenario code that ever ran at the same time: 1 means one at a time.</param>
/// <param name="OutsideSteps">Prints made where <c>Sim.Current</c> was not this run's simulation: outside any step.</param>
/// <param name="PoolSteps">Steps that ran on a thread pool thread holding the loop's baton (trace kind ThreadPoolWork).</param>
/// <param name="OffLoopPrints">Prints made on a thread other than the one that called <c>Run</c>.</param>
/// <param name="Failure">What <c>Run</c> threw, or null.</param>
internal sealed record ScenarioRun(
    ScheduleStrategy Strategy,
    long Seed,
    IReadOnlyList<string> Lines,
    string Fingerprint,
    TimeSpan Elapsed,
    int MaxConcurrent,
    int OutsideSteps,
    int PoolSteps,
    int OffLoopPrints,
    Exception? Failure)
{
    /// <summary>Gets the line that replays this run, for failure messages.</summary>
    public string Where => $"strategy {Strategy}, seed {Seed}";

    /// <summary>Gets the output as one string, for comparisons and messages.</summary>
    public string Output => string.Join(" | ", Lines);
}
