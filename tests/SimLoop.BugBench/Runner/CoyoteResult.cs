namespace SimLoop.BugBench.Runner;

/// <summary>One seed range searched by Coyote, as the Coyote runner printed it.</summary>
/// <param name="Iterations">Iterations run, including the failing one; the cap when nothing failed.</param>
/// <param name="Found">Whether Coyote found the bug, failing as the bug does.</param>
/// <param name="Elapsed">Wall time of the search.</param>
/// <param name="Report">Coyote's first bug report, empty when it found none.</param>
internal sealed record CoyoteRange(long Iterations, bool Found, TimeSpan Elapsed, string Report);

/// <summary>One bug under one of Coyote's strategies, over every seed range.</summary>
/// <param name="Bug">The bug's name.</param>
/// <param name="Strategy">"random" or "prioritization".</param>
/// <param name="Ranges">One search per range, in range order.</param>
internal sealed record CoyoteResult(string Bug, string Strategy, IReadOnlyList<CoyoteRange> Ranges)
{
    /// <summary>Gets how many ranges found the bug.</summary>
    public int RangesFound => Ranges.Count(r => r.Found);

    /// <summary>Gets the median iterations to the first failure; null when the median range found nothing.</summary>
    public double? MedianIterations => Medians.Of([.. Ranges.Select(r => r.Found ? (double?)r.Iterations : null)]);

    /// <summary>Gets the median wall time to the first failure, in milliseconds, counted as the iterations are.</summary>
    public double? MedianMilliseconds => Medians.Of([.. Ranges.Select(r => r.Found ? (double?)r.Elapsed.TotalMilliseconds : null)]);

    /// <summary>Gets the reports of ranges where Coyote failed some other way than the bug does.</summary>
    public IEnumerable<string> Anomalies => Ranges.Where(r => !r.Found && r.Report.Length > 0).Select(r => r.Report);
}
