using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;

namespace SimLoop;

/// <summary>FsCheck arbitraries for SimLoop: seeds and strategies (<see cref="SimCase"/>), strategies alone, and
/// fault plans; register them with <c>[Properties(Arbitrary = new[] { typeof(SimArbitraries) })]</c>.</summary>
/// <remarks>
/// <para>Shrinking moves towards the simplest failing input: seed 0, <see cref="ScheduleStrategy.Fifo"/>, fewer
/// faults, earlier fault times (whole milliseconds), lower task indexes.</para>
/// <para>To replay a failure, the environment pins what is generated: with <c>SIMLOOP_SEED</c>,
/// <c>SIMLOOP_STRATEGY</c> and <c>SIMLOOP_FAULTS</c> set (the replay line in the failure message sets all
/// three), every case generated is that one, so the property fails on its first test, the same way.</para>
/// </remarks>
public static class SimArbitraries
{
    /// <summary>The environment variable that pins the fault plan, in <see cref="FaultPlan.Parse(string)"/>'s form.</summary>
    internal const string FaultsVariable = "SIMLOOP_FAULTS";

    // Test seam: the environment the pins are read from.
    private static readonly AsyncLocal<Func<string, string?>?> s_environment = new();

    /// <summary>Gets the latest virtual time a generated fault happens at; 10 s.</summary>
    internal static TimeSpan FaultHorizon => TimeSpan.FromSeconds(10);

    internal static Func<string, string?> Environment
    {
        get => s_environment.Value ?? System.Environment.GetEnvironmentVariable;
        set => s_environment.Value = value;
    }

    /// <summary>Generates runs: a seed, a strategy and a fault plan.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SimCase> SimCases() => Cases(FaultPlans());

    /// <summary>Generates runs with no fault plan of their own: a seed and a strategy, with <paramref name="faults"/>.</summary>
    /// <param name="faults">The faults of every case; <see cref="FaultPlan.None"/> for properties whose program
    /// injects what it needs itself.</param>
    /// <returns>The arbitrary; <c>SIMLOOP_SEED</c> and <c>SIMLOOP_STRATEGY</c> pin it as they pin <see cref="SimCases()"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="faults"/> is <see langword="null"/>.</exception>
    /// <remarks>FsCheck does not register this overload with the class (its parameter is not an arbitrary), so a
    /// property suite returns it from an arbitrary of its own, such as
    /// <c>public static Arbitrary&lt;SimCase&gt; Cases() =&gt; SimArbitraries.SimCases(FaultPlan.None);</c>.</remarks>
    public static Arbitrary<SimCase> SimCases(FaultPlan faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return Cases(Arb.From(Gen.Constant(faults), static _ => []));
    }

    /// <summary>Generates <see cref="ScheduleStrategy.Portfolio"/>, the default of <c>[SimulationTest]</c> and
    /// <c>SimulationRunner.Check</c> (its seeds take Random and Pct at two depths in turn), shrinking towards the
    /// single strategies: Fifo, then Random, then Pct.</summary>
    /// <returns>The arbitrary; <c>SIMLOOP_STRATEGY</c> pins it to the strategy it names.</returns>
    /// <remarks>Fifo is not generated: it ignores the seed, so every Fifo case with the same faults is the same run.</remarks>
    public static Arbitrary<ScheduleStrategy> Strategies()
    {
        if (SeedSource.ReadStrategy(Environment(SeedSource.StrategyVariable)) is ScheduleStrategy pinned)
        {
            return Arb.From(Gen.Constant(pinned), static _ => []);
        }

        // Shrinking to a single strategy keeps the seed: a failure that still shows under Fifo is the simplest to read.
        return Arb.From(Gen.Constant(ScheduleStrategy.Portfolio),
            static s => Enum.GetValues<ScheduleStrategy>().Where(other => other < s));
    }

    /// <summary>Generates fault plans of up to three cancellations within the first 10 s of virtual time.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FaultPlan> FaultPlans()
    {
        if (Environment(FaultsVariable) is { Length: > 0 } text)
        {
            FaultPlan pinned;
            try
            {
                pinned = FaultPlan.Parse(text);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{FaultsVariable}='{text}' is not valid: {e.Message}", e);
            }

            return Arb.From(Gen.Constant(pinned), static _ => []);
        }

        Gen<Fault> fault = Gen.Choose(0, (int)FaultHorizon.TotalMilliseconds)
            .SelectMany(_ => Gen.Choose(0, 7), (ms, task) => new Fault(TimeSpan.FromMilliseconds(ms), task));
        Gen<FaultPlan> plan = Gen.Choose(0, 3).SelectMany(count => Gen.ArrayOf(fault, count), (_, faults) => new FaultPlan(faults));
        return Arb.From(plan, ShrinkPlan);
    }

    /// <summary>Seeds: pinned by <c>SIMLOOP_SEED</c>, otherwise non-negative and shrinking towards 0.</summary>
    internal static Arbitrary<long> Seeds()
    {
        if (SeedSource.ReadSeed(Environment(SeedSource.SeedVariable)) is long pinned)
        {
            return Arb.From(Gen.Constant(pinned), static _ => []);
        }

        return Arb.From(Gen.Choose(0, int.MaxValue).Select(static s => (long)s),
            static s => s == 0 ? [] : s == 1 ? [0L] : [0L, s / 2]);
    }

    // Seed, strategy and plan, each shrinking on its own.
    private static Arbitrary<SimCase> Cases(Arbitrary<FaultPlan> plans)
    {
        Arbitrary<long> seeds = Seeds();
        Arbitrary<ScheduleStrategy> strategies = Strategies();
        Gen<SimCase> gen = seeds.Generator.SelectMany(_ => strategies.Generator, (seed, strategy) => (seed, strategy))
            .SelectMany(_ => plans.Generator, (pair, plan) => new SimCase(pair.seed, pair.strategy, plan));
        return Arb.From(gen, c =>
            seeds.Shrinker(c.Seed).Select(s => c with { Seed = s })
                .Concat(strategies.Shrinker(c.Strategy).Select(s => c with { Strategy = s }))
                .Concat(plans.Shrinker(c.Faults).Select(p => c with { Faults = p })));
    }

    private static IEnumerable<FaultPlan> ShrinkPlan(FaultPlan plan)
    {
        // Fewer faults first, then each fault earlier (to whole milliseconds, halving) or on a lower task index.
        for (int i = 0; i < plan.Faults.Length; i++)
        {
            yield return new FaultPlan(plan.Faults.RemoveAt(i));
        }

        for (int i = 0; i < plan.Faults.Length; i++)
        {
            Fault fault = plan.Faults[i];
            long ms = (long)fault.At.TotalMilliseconds;
            foreach (long smaller in ms == 0 ? [] : ms == 1 ? [0L] : new[] { 0L, ms / 2 })
            {
                yield return new FaultPlan(plan.Faults.SetItem(i, fault with { At = TimeSpan.FromMilliseconds(smaller) }));
            }

            foreach (int lower in fault.Task == 0 ? [] : fault.Task == 1 ? [0] : new[] { 0, fault.Task / 2 })
            {
                yield return new FaultPlan(plan.Faults.SetItem(i, fault with { Task = lower }));
            }
        }
    }
}
