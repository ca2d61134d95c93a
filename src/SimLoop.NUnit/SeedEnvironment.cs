using System;
using System.Collections.Generic;

namespace SimLoop;

/// <summary>The <c>SIMLOOP_*</c> environment for tests that enumerate seeds themselves instead of through
/// <see cref="SimulationRunner"/>: which seeds to run, which strategy, and the line that replays a seed.</summary>
/// <remarks>It reads the variables the way <see cref="SimulationTestAttribute"/> does, with the same errors:
/// <c>SIMLOOP_SEED</c> replays one seed, <c>SIMLOOP_SEEDS</c> sets how many, <c>SIMLOOP_SHARD=k/n</c> takes the k-th
/// of n contiguous shares, <c>SIMLOOP_STRATEGY</c> overrides the strategy. A malformed value throws
/// <see cref="InvalidOperationException"/> naming the variable, the value and the rule, never a silent default.</remarks>
public static class SeedEnvironment
{
    /// <summary>Gets the seeds to run: seeds 0 to <paramref name="seeds"/> - 1 unless the environment says otherwise.</summary>
    /// <param name="seeds">How many seeds the test runs when <c>SIMLOOP_SEEDS</c> is unset.</param>
    /// <returns>Just <c>SIMLOOP_SEED</c> when it is set; otherwise this process's shard of seeds 0 to
    /// <c>SIMLOOP_SEEDS</c> (or <paramref name="seeds"/>) - 1, in ascending order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seeds"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">A <c>SIMLOOP_*</c> variable holds a malformed value.</exception>
    /// <exception cref="NUnit.Framework.InconclusiveException"><c>SIMLOOP_SHARD=k/n</c> leaves this process no seed: the
    /// test is reported inconclusive, saying so, rather than passing with nothing tested.</exception>
    /// <remarks>The list computes each seed from its index, so any count up to <see cref="int.MaxValue"/> costs no memory.</remarks>
    public static IReadOnlyList<long> Seeds(int seeds) => Seeds(seeds, Environment.GetEnvironmentVariable);

    /// <summary>Gets the strategy to run: <c>SIMLOOP_STRATEGY</c> when it is set, otherwise <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The test's own strategy.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="InvalidOperationException"><c>SIMLOOP_STRATEGY</c> is not Fifo, Random, Pct or Portfolio.</exception>
    public static ScheduleStrategy Strategy(ScheduleStrategy strategy) =>
        SeedSource.ReadStrategy(Environment.GetEnvironmentVariable(SeedSource.StrategyVariable)) ?? strategy;

    /// <summary>Formats the line that replays <paramref name="seed"/> in the current NUnit test, in the form
    /// <see cref="SimulationRunner"/> prints, such as
    /// <c>SIMLOOP_SEED=12 SIMLOOP_STRATEGY=Pct dotnet test --filter "FullyQualifiedName~Fixture.Test"</c>.</summary>
    /// <param name="seed">The seed that failed.</param>
    /// <param name="strategy">The strategy to pin with <c>SIMLOOP_STRATEGY</c>, or <see langword="null"/> to leave
    /// the test's own.</param>
    /// <returns>One line to paste into a shell.</returns>
    public static string ReplayLine(long seed, ScheduleStrategy? strategy)
    {
        KeyValuePair<string, string>[] pins = strategy is { } pinned ? [new(SeedSource.StrategyVariable, pinned.ToString())] : [];
        return SimLoop.ReplayLine.For(seed, ScheduleStrategy.Fifo, ScheduleStrategy.Fifo, CurrentTest.Name(), pins);
    }

    internal static IReadOnlyList<long> Seeds(int seeds, Func<string, string?> environment)
    {
        if (seeds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(seeds), seeds, $"seeds must be at least 1; it was {seeds}, which would run no seed and test nothing.");
        }

        SeedPlan plan = SeedSource.Read(environment, seeds, ScheduleStrategy.Fifo);
        if (plan.IsEmptyShare)
        {
            NUnit.Framework.Assert.Inconclusive($"SimLoop: no seeds to run in this process: {plan.Describe()}. " +
                $"Run at least {plan.Shard.Count} seeds so that every shard has one.");
        }

        return plan.Seeds();
    }

    /// <summary>How many generated cases a property runs in this process: <paramref name="cases"/>, or
    /// <c>SIMLOOP_SEEDS</c>; under <c>SIMLOOP_SHARD=k/n</c>, the k-th share of that count.</summary>
    /// <remarks>Generated cases are random, not a range: a shard cannot take "its" cases, only its share of how
    /// many, so n shards together run the count, as one process would.</remarks>
    internal static int Cases(int cases, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        int count = SeedSource.ReadSeeds(environment(SeedSource.SeedsVariable)) ?? cases;
        (_, long share) = SeedSource.ReadShard(environment(SeedSource.ShardVariable)).Of(count);
        return (int)share;
    }
}
