using System;
using System.Globalization;

namespace SimLoop;

// Reads the run's seeds from the environment, the way CI passes them: SIMLOOP_SEED replays one seed,
// SIMLOOP_SEEDS sets how many, SIMLOOP_SHARD=k/n picks the k-th of n shares, SIMLOOP_STRATEGY overrides the
// strategy, SIMLOOP_PCT_STEPS fixes the horizon Pct draws its change points over (a replay line carries it when
// the seed's Pct ran over an estimate). A malformed value is an error naming the variable, the value and the rule: a typo in a CI matrix
// must fail the job, not quietly run the default. An empty value counts as unset, as shells treat it.
internal static class SeedSource
{
    public const string SeedVariable = "SIMLOOP_SEED";
    public const string SeedsVariable = "SIMLOOP_SEEDS";
    public const string ShardVariable = "SIMLOOP_SHARD";
    public const string StrategyVariable = "SIMLOOP_STRATEGY";
    public const string PctStepsVariable = "SIMLOOP_PCT_STEPS";

    /// <summary>Reads the plan for one test from <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidOperationException">A variable holds a malformed value.</exception>
    public static SeedPlan Read(Func<string, string?> environment, int seeds, ScheduleStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegative(seeds);
        long? replay = ReadSeed(environment(SeedVariable));
        int count = ReadSeeds(environment(SeedsVariable)) ?? seeds;
        Shard shard = ReadShard(environment(ShardVariable));
        ScheduleStrategy? overridden = ReadStrategy(environment(StrategyVariable));
        return new SeedPlan(replay, count, shard, overridden ?? strategy, overridden is not null)
        {
            PctSteps = ReadPctSteps(environment(PctStepsVariable)),
        };
    }

    public static long? ReadSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed))
        {
            throw Malformed(SeedVariable, text, "an integer seed (a long, for example 1234)");
        }

        return seed;
    }

    public static int? ReadSeeds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
        {
            throw Malformed(SeedsVariable, text, $"how many seeds to run: a whole number from 1 to {int.MaxValue}, for example 1000");
        }

        return count;
    }

    public static Shard ReadShard(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Shard.Whole;
        }

        const string rule = "k/n: run the k-th of n shares of the seeds, with 1 <= k <= n (for example 2/4)";
        string[] parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw Malformed(ShardVariable, text, rule);
        }

        if (count < 1)
        {
            throw Malformed(ShardVariable, text, rule + "; n must be at least 1");
        }

        if (index < 1)
        {
            throw Malformed(ShardVariable, text, rule + "; k counts from 1");
        }

        if (index > count)
        {
            throw Malformed(ShardVariable, text, rule + $"; k must not exceed n, and {index} > {count}");
        }

        return new Shard(index, count);
    }

    public static int? ReadPctSteps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int steps) || steps < 1)
        {
            throw Malformed(PctStepsVariable, text, $"the number of choices Pct draws its change points over: a whole number from 1 to {int.MaxValue}, for example 40");
        }

        return steps;
    }

    public static ScheduleStrategy? ReadStrategy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (ScheduleStrategy strategy in Enum.GetValues<ScheduleStrategy>())
        {
            if (string.Equals(text.Trim(), strategy.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return strategy;
            }
        }

        throw Malformed(StrategyVariable, text, "one of Fifo, Random, Pct, Portfolio");
    }

    private static InvalidOperationException Malformed(string variable, string text, string rule) =>
        new($"{variable}='{text}' is not valid: {variable} must be {rule}. Unset it to use the test's own setting.");
}
