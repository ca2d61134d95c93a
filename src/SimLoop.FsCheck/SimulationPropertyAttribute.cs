using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using FsCheck.NUnit;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

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
/// <para>Cases run one after the other on the test's thread unless FsCheck's <c>Parallelism</c> says otherwise:
/// <c>Parallelism = -1</c> runs them on every core (a number, on that many pool threads). Do that when the cases are
/// independent, as those of a property that only calls <see cref="SimProperty.Check"/> are: each case is then a
/// simulation of its own, with this attribute's settings and its own NUnit result. FsCheck still takes the results in
/// case order, so the case that fails first, its shrinking and the replay lines are those of a run on one thread. The
/// cases share the fixture and the test's own result, so leave the default for a property whose method keeps state in
/// fields or asserts outside <see cref="SimProperty.Check"/>. FsCheck's runner waits for each result on the test's
/// thread, which takes a share of a core: with small cases on few cores, measure before counting on a speed-up.</para>
/// <para>A shard that gets no case (<c>SIMLOOP_SHARD=k/n</c> with fewer cases than shards) marks the test ignored,
/// with a reason saying so: nothing was tested there, which is not a pass.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SimulationPropertyAttribute : PropertyAttribute, ISimpleTestBuilder
{
    // FsCheck's own BuildFrom, an explicit interface implementation: called, then the built test is checked.
    private static readonly MethodInfo s_build = typeof(PropertyAttribute).GetInterfaceMap(typeof(ISimpleTestBuilder)).TargetMethods[0];

    // The attribute of each test, found once: SimProperty.Check asks for it on every case, and reading it from the
    // method would make new attribute instances (and read the environment) each time.
    private static readonly ConditionalWeakTable<Test, Found> s_found = [];

    private readonly SimulationSettings _settings = new();
    private int _seeds = 100;

    /// <summary>Creates the attribute: 100 cases, or what the environment says.</summary>
    /// <exception cref="InvalidOperationException"><c>SIMLOOP_SEEDS</c> or <c>SIMLOOP_SHARD</c> is malformed.</exception>
    public SimulationPropertyAttribute() => MaxTest = Cases(_seeds);

    /// <summary>Gets or sets how many cases FsCheck generates unless <c>SIMLOOP_SEEDS</c> says otherwise; 100 by default.</summary>
    /// <remarks>At least 1 (up to <see cref="int.MaxValue"/>). A value below 1 does not throw from the attribute,
    /// which would take the whole fixture down: it makes this test not runnable, with a message naming the property.</remarks>
    public int Seeds
    {
        get => _seeds;
        set
        {
            _seeds = value;
            if (value >= 1)
            {
                MaxTest = Cases(value);
            }
        }
    }

    /// <summary>Gets or sets the most virtual time one run of <see cref="SimProperty.Check"/> may span, as text such as
    /// <c>"00:05:00"</c>; the options' own when <see langword="null"/>.</summary>
    /// <remarks>The form is <see cref="TimeSpan"/>'s invariant one, <c>[d.]hh:mm:ss[.fffffff]</c>. A value that is not a
    /// positive time in that form makes this test not runnable, with a message naming the property.</remarks>
    public string? MaxVirtualTime
    {
        get => _settings.MaxVirtualTime;
        set => _settings.MaxVirtualTime = value;
    }

    /// <summary>Gets or sets how many of the most recent trace entries each run of <see cref="SimProperty.Check"/>
    /// keeps; the options' own unless set.</summary>
    /// <remarks>A negative value makes this test not runnable.</remarks>
    public int TraceCapacity
    {
        get => _settings.TraceCapacity;
        set => _settings.TraceCapacity = value;
    }

    /// <summary>Gets or sets where the log lines of every run of <see cref="SimProperty.Check"/> go: nowhere (the
    /// default), the test's output or the console; each line is led by its case.</summary>
    /// <remarks>A failing case's report carries its log lines whatever this says. A value that is not a
    /// <see cref="SimulationLogOutput"/> member makes this test not runnable.</remarks>
    public SimulationLogOutput Log
    {
        get => _settings.Log;
        set => _settings.Log = value;
    }

    internal SimulationSettings Settings => _settings;

    /// <summary>Builds the test as FsCheck does, then checks <see cref="Seeds"/> and this shard's share of cases.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="suite">The fixture's suite.</param>
    /// <returns>The test; not runnable, with the reason, when <see cref="Seeds"/> is below 1; ignored, saying so,
    /// when this shard gets no case.</returns>
    TestMethod ISimpleTestBuilder.BuildFrom(IMethodInfo method, Test? suite)
    {
        var test = (TestMethod)s_build.Invoke(this, [method, suite])!;
        Check(test);
        return test;
    }

    internal void Check(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        s_found.AddOrUpdate(test, new Found(this));
        if (test.RunState is RunState.NotRunnable)
        {
            return;
        }

        if (_seeds < 1)
        {
            test.MakeInvalid($"[SimulationProperty] Seeds must be at least 1; it was {_seeds}, which would generate no case and test nothing.");
        }
        else if (_settings.Invalid("[SimulationProperty]") is { } invalid)
        {
            test.MakeInvalid(invalid);
        }
        else if (MaxTest < 1)
        {
            test.RunState = RunState.Ignored;
            Func<string, string?> environment = SimArbitraries.Environment;
            int count = SeedSource.ReadSeeds(environment(SeedSource.SeedsVariable)) ?? _seeds;
            string shard = environment(SeedSource.ShardVariable) ?? string.Empty;
            test.Properties.Set(PropertyNames.SkipReason,
                $"SimLoop: no cases to run in this process: {SeedSource.ShardVariable}={shard.Trim()} splits {count} cases and this " +
                $"share is empty, so nothing was tested here. Run at least as many cases as shards ({SeedSource.SeedsVariable} or Seeds).");
        }
    }

    // The attribute on the NUnit test now running, if it is one; SimProperty.Check runs inside FsCheck's call of it.
    internal static SimulationPropertyAttribute? OfCurrentTest() => Current()?.Attribute;

    // The attribute on the NUnit test now running with what its cases share, or null outside a test.
    internal static Found? Current() =>
        TestExecutionContext.CurrentContext?.CurrentTest is { } test ? s_found.GetValue(test, static t => new Found(Read(t))) : null;

    private static SimulationPropertyAttribute? Read(Test test) =>
        test.Method?.GetCustomAttributes<SimulationPropertyAttribute>(true) is [var attribute, ..] ? attribute : null;

    private static int Cases(int seeds) => SeedEnvironment.Cases(seeds, SimArbitraries.Environment);

    // A test's attribute (null on a test without one) and what every case of it reads: whether its cases run on
    // several threads (FsCheck's Parallelism changed from its default), and the options a case starts from when
    // SimProperty.Check is given none.
    internal sealed class Found(SimulationPropertyAttribute? attribute)
    {
        public SimulationPropertyAttribute? Attribute { get; } = attribute;

        public bool InParallel { get; } = attribute is not null && attribute.Parallelism != new PropertyAttribute().Parallelism;

        public SimulationOptions DefaultOptions { get; } = attribute?.Settings.Apply(new SimulationOptions()) ?? new SimulationOptions();
    }
}
