namespace SimLoop.BugBench.Runner;

/// <summary>Medians over seed ranges, where a range that found nothing (null) counts as worse than any that did.</summary>
internal static class Medians
{
    /// <summary>The median of <paramref name="values"/>, nulls sorted last; null when the median falls on a null.</summary>
    public static double? Of(IReadOnlyCollection<double?> values)
    {
        List<double?> sorted = [.. values.OrderBy(v => v ?? double.PositiveInfinity)];
        int n = sorted.Count;
        if (n == 0)
        {
            return null;
        }

        double? low = sorted[(n - 1) / 2];
        double? high = sorted[n / 2];
        return low is null || high is null ? null : (low.Value + high.Value) / 2;
    }
}
