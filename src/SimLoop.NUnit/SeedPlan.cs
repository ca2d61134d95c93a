using System.Collections.Generic;

namespace SimLoop;

// Which seeds this process runs for one test: one replayed seed, or its shard of seeds 0 .. Count - 1.
internal sealed record SeedPlan(long? Replay, int Count, Shard Shard, ScheduleStrategy Strategy, bool StrategyFromEnvironment)
{
    public IReadOnlyList<long> Seeds()
    {
        if (Replay is long seed)
        {
            return [seed];
        }

        (long first, long count) = Shard.Of(Count);
        var seeds = new long[count];
        for (long i = 0; i < count; i++)
        {
            seeds[i] = first + i;
        }

        return seeds;
    }

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
