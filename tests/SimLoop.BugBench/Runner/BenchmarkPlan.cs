namespace SimLoop.BugBench.Runner;

/// <summary>What a benchmark run covers: which bugs and strategies, how many seed ranges, and the cap per range.</summary>
/// <param name="Bugs">The bugs.</param>
/// <param name="Strategies">The strategies; Fifo runs once per bug (it ignores the seed).</param>
/// <param name="Ranges">Independent seed ranges per bug and strategy.</param>
/// <param name="Cap">The most seeds tried per range.</param>
/// <param name="Replays">Replays of each failing schedule.</param>
/// <param name="Threads">Worker threads, one simulation per thread at a time.</param>
/// <param name="CoyoteCap">The most Coyote iterations per range, or 0 when Coyote is not run.</param>
internal sealed record BenchmarkPlan(IReadOnlyList<IBug> Bugs, IReadOnlyList<ScheduleStrategy> Strategies, int Ranges, int Cap,
    int Replays, int Threads, int CoyoteCap = 0)
{
    /// <summary>Gets the index of the first range: ranges FirstRange .. FirstRange + Ranges - 1 run, so a later set of
    /// ranges can check what an earlier one suggested.</summary>
    public int FirstRange { get; init; }

    /// <summary>Seeds between the starts of two ranges: range r covers r * stride .. r * stride + cap - 1.</summary>
    public const long RangeStride = 100_000;
}
