namespace SimLoop.Compatibility.Tests.Support;

/// <summary>What a scenario did over all its seeds and strategies, for assertions that need the whole picture.</summary>
/// <param name="Runs">The first run of every (strategy, seed).</param>
internal sealed record CompatibilitySummary(IReadOnlyList<ScenarioRun> Runs)
{
    /// <summary>Gets how many steps ran on a pool thread holding the loop's baton, over all runs.</summary>
    public int PoolSteps => Runs.Sum(r => r.PoolSteps);

    /// <summary>Gets how many prints were made on a thread other than the loop's, over all runs.</summary>
    public int OffLoopPrints => Runs.Sum(r => r.OffLoopPrints);

    /// <summary>Gets the distinct outputs under one strategy.</summary>
    public int DistinctOutputs(ScheduleStrategy strategy) =>
        Runs.Where(r => r.Strategy == strategy).Select(r => r.Output).Distinct().Count();

    /// <summary>Gets the distinct fingerprints under one strategy.</summary>
    public int DistinctFingerprints(ScheduleStrategy strategy) =>
        Runs.Where(r => r.Strategy == strategy).Select(r => r.Fingerprint).Distinct().Count();
}
