namespace SimLoop;

// Which seeds this process runs for one test: one replayed seed, or its shard of seeds 0 .. Count - 1; PctSteps
// is SIMLOOP_PCT_STEPS when set (Pct's horizon for every seed, instead of the options' or the batch's estimate).
internal sealed record SeedPlan(long? Replay, int Count, Shard Shard, ScheduleStrategy Strategy, bool StrategyFromEnvironment)
{
    public int? PctSteps { get; init; }

    // A range, never an array: Seeds = int.MaxValue must not allocate a list of that size.
    public SeedRange Seeds()
    {
        if (Replay is long seed)
        {
            return new SeedRange(seed, 1);
        }

        (long first, long count) = Shard.Of(Count);
        return new SeedRange(first, count);
    }

    /// <summary>Whether this process's share of the range is empty (a shard of fewer seeds than shards).</summary>
    public bool IsEmptyShare => Replay is null && Shard.Of(Count).Count == 0;

    /// <summary>Describes the plan for the summary line, for example "shard 2/4 of 1000 seeds: 250..499".</summary>
    public string Describe()
    {
        if (Replay is long seed)
        {
            return $"seed {seed} from {SeedSource.SeedVariable}";
        }

        (long first, long count) = Shard.Of(Count);
        string range = count == 0 ? "none" : count == 1 ? $"{first}" : $"{first}..{first + count - 1}";
        return Shard.IsWhole ? $"seeds {range}" : $"shard {Shard} of {Count} seeds: {range}";
    }
}
