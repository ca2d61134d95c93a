namespace SimLoop.BugBench.Runner;

/// <summary>One bug under one strategy: the search in every seed range and the examination of each failure found.</summary>
/// <param name="Bug">The bug.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Searches">One search per range, in range order.</param>
/// <param name="Failures">The failure each range found, examined; null where the range found none.</param>
internal sealed record BugResult(IBug Bug, ScheduleStrategy Strategy, IReadOnlyList<SeedSearch> Searches,
    IReadOnlyList<FailureAnalysis?> Failures)
{
    /// <summary>Gets the examined failures, in range order.</summary>
    public IEnumerable<FailureAnalysis> Found => Failures.OfType<FailureAnalysis>();

    /// <summary>Gets how many ranges found the bug.</summary>
    public int RangesFound => Searches.Count(s => s.FailingSeed is not null);

    /// <summary>Gets the median seeds to the first failure, a range that found nothing counting as worse than any
    /// that did; null when that median range found nothing.</summary>
    public double? MedianSeeds => Medians.Of([.. Searches.Select(s => s.FailingSeed is null ? (double?)null : s.SeedsRun)]);

    /// <summary>Gets the median wall time to the first failure, in milliseconds, counted as <see cref="MedianSeeds"/> is.</summary>
    public double? MedianMilliseconds =>
        Medians.Of([.. Searches.Select(s => s.FailingSeed is null ? (double?)null : s.Elapsed.TotalMilliseconds)]);

    /// <summary>Gets the most seeds any range needed; null when some range found nothing.</summary>
    public int? WorstSeeds => RangesFound == Searches.Count ? Searches.Max(s => s.SeedsRun) : null;

    /// <summary>Gets the anomalies: runs that ended in an unexpected way, replays that differed, minimizer errors.</summary>
    public IEnumerable<string> Anomalies =>
        Searches.Select(s => s.Anomaly).Concat(Found.Select(f => f.Anomaly)).OfType<string>();
}
