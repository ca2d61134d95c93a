using System;
using FsCheck.NUnit;

namespace SimLoop;

/// <summary>Marks a method as an FsCheck property, like FsCheck.NUnit's <c>[Property]</c>, whose number of
/// generated cases comes from the environment: <see cref="Seeds"/> in CI, <c>SIMLOOP_SEEDS=N</c> for a long run.</summary>
/// <remarks>
/// <para>Each generated case is one run (a <see cref="SimCase"/> and whatever else the method takes), so
/// <c>SIMLOOP_SEEDS=100000</c> makes every property generate 100,000 cases, as it makes
/// <see cref="SimulationTestAttribute"/> run 100,000 seeds. Set <see cref="Seeds"/>, not FsCheck's <c>MaxTest</c>,
/// which would override the environment.</para>
/// <para><c>SIMLOOP_SHARD=k/n</c> runs the k-th share of that count. FsCheck's cases are random rather than a
/// range of seeds, so shards do not partition anything: n shards together run the count, as one process
/// would, each with cases of its own. <c>SIMLOOP_SEED</c> and <c>SIMLOOP_STRATEGY</c> pin the generated
/// <see cref="SimCase"/> (see <see cref="SimArbitraries"/>); FsCheck's own replay value goes in
/// <c>Replay</c>, as with <c>[Property]</c>.</para>
/// <para>A malformed <c>SIMLOOP_SEEDS</c> or <c>SIMLOOP_SHARD</c> fails the test with an error naming the
/// variable, the value and the rule: NUnit reports it as the failure to build the test.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SimulationPropertyAttribute : PropertyAttribute
{
    private int _seeds = 100;

    /// <summary>Creates the attribute: 100 cases, or what the environment says.</summary>
    /// <exception cref="InvalidOperationException"><c>SIMLOOP_SEEDS</c> or <c>SIMLOOP_SHARD</c> is malformed.</exception>
    public SimulationPropertyAttribute() => MaxTest = Cases(_seeds);

    /// <summary>Gets or sets how many cases FsCheck generates unless <c>SIMLOOP_SEEDS</c> says otherwise; 100 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Seeds
    {
        get => _seeds;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _seeds = value;
            MaxTest = Cases(value);
        }
    }

    private static int Cases(int seeds) => SeedEnvironment.Cases(seeds, SimArbitraries.Environment);
}
