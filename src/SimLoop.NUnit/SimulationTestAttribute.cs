using System;
using System.Reflection;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace SimLoop;

/// <summary>Marks an <c>async Task</c> method as an NUnit test whose body runs under a fresh
/// <see cref="Simulation"/> once per seed.</summary>
/// <remarks>
/// <para>The method takes no parameters, or one <see cref="Simulation"/> (the seed's simulation). Seeds run in
/// parallel, one simulation per thread, on the same fixture instance: keep per-run state inside the body.</para>
/// <para>A failing seed is reported with its seed, strategy, step, virtual time, exception, cancellation causes and
/// replay line, the last entries of its trace and its log lines in virtual time (it is run once more, alone, with
/// logging on, so passing seeds never log), and
/// the first one is appended to <c>simloop-regressions/&lt;fixture&gt;.txt</c> beside the test project, whose seeds
/// every later run replays first (no seed is added while one from the file still fails; a file that cannot be
/// written is a note under the report, never the test's result). A failing seed is re-run alone on a fresh fixture
/// after its <c>[SetUp]</c>: when it then passes or fails differently, the report says the seeds share state.
/// <c>SIMLOOP_SEED</c>, <c>SIMLOOP_SEEDS</c>, <c>SIMLOOP_SHARD=k/n</c> and
/// <c>SIMLOOP_STRATEGY</c> override the attribute's settings; a shard with no seeds makes the result inconclusive,
/// saying so.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SimulationTestAttribute : NUnitAttribute, ISimpleTestBuilder, IImplyFixture, IWrapTestMethod
{
    private readonly NUnitTestCaseBuilder _builder = new();
    private readonly SimulationSettings _settings = new();

    /// <summary>Gets or sets how many seeds run (seeds 0 to <c>Seeds - 1</c>); 100 by default.</summary>
    /// <remarks>At least 1; any count up to <see cref="int.MaxValue"/> is accepted. Seeds are computed from the
    /// range, never listed, and only the first 1,000 failures are kept, so a large count costs time, not memory;
    /// spread it over machines with <c>SIMLOOP_SHARD=k/n</c>. A value below 1 makes the test not runnable, with a
    /// message naming the property.</remarks>
    public int Seeds { get; set; } = 100;

    /// <summary>Gets or sets the strategy of every run; <see cref="ScheduleStrategy.Portfolio"/> by default (seeds take
    /// Random and Pct at two depths in turn, each seed's member fixed by the seed).</summary>
    /// <remarks>A value that is not a <see cref="ScheduleStrategy"/> member makes the test not runnable.</remarks>
    public ScheduleStrategy Strategy { get; set; } = ScheduleStrategy.Portfolio;

    /// <summary>Gets or sets the most steps one run may take; the <see cref="SimulationOptions"/> default when 0.</summary>
    /// <remarks>A negative value makes the test not runnable.</remarks>
    public long MaxSteps { get; set; }

    /// <summary>Gets or sets how many seeds run at once; 0 (the default) means one per core, 1 runs them one by one.</summary>
    /// <remarks>A negative value makes the test not runnable.</remarks>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>Gets or sets the most virtual time one run may span, as text such as <c>"00:05:00"</c> (5 minutes) or
    /// <c>"7.00:00:00"</c> (7 days); the <see cref="SimulationOptions"/> default (365 days) when <see langword="null"/>.</summary>
    /// <remarks>The form is <see cref="TimeSpan"/>'s invariant one, <c>[d.]hh:mm:ss[.fffffff]</c>, since an attribute
    /// cannot take a <see cref="TimeSpan"/>. A run that passes it fails with <see cref="SimulationLimitException"/>.
    /// A value that is not a positive time in that form makes the test not runnable, with a message naming the property.</remarks>
    public string? MaxVirtualTime
    {
        get => _settings.MaxVirtualTime;
        set => _settings.MaxVirtualTime = value;
    }

    /// <summary>Gets or sets how many of the most recent trace entries each run keeps; 10,000 (the
    /// <see cref="SimulationOptions"/> default) unless set.</summary>
    /// <remarks>A failing seed's report shows the last entries kept, so 0 leaves it without trace. A negative value
    /// makes the test not runnable.</remarks>
    public int TraceCapacity
    {
        get => _settings.TraceCapacity;
        set => _settings.TraceCapacity = value;
    }

    /// <summary>Gets or sets where every seed's log lines go while it runs: nowhere (the default), the test's output
    /// or the console.</summary>
    /// <remarks>The simulation's <see cref="SimulationOptions.LoggerFactory"/> writes there, so
    /// <see cref="Sim.CreateLogger(string)"/>, <see cref="Simulation.CreateLoggerFactory"/> and SimLoop's own events
    /// log in virtual time, each line led by its seed. A failing seed's report carries its log lines whatever this
    /// says: that seed is run again with logging on, so passing seeds cost nothing when this is
    /// <see cref="SimulationLogOutput.None"/>. A value that is not a <see cref="SimulationLogOutput"/> member makes
    /// the test not runnable.</remarks>
    public SimulationLogOutput Log
    {
        get => _settings.Log;
        set => _settings.Log = value;
    }

    internal SimulationSettings Settings => _settings;

    /// <summary>Builds the NUnit test for <paramref name="method"/>.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="suite">The fixture's suite.</param>
    /// <returns>One test that runs every seed; not runnable, with the reason, if the signature does not fit.</returns>
    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        ArgumentNullException.ThrowIfNull(method);
        ParameterInfo[] parameters = method.MethodInfo.GetParameters();
        bool takesSimulation = parameters.Length == 1 && parameters[0].ParameterType == typeof(Simulation);
        TestCaseParameters parms;
        if (!typeof(Task).IsAssignableFrom(method.ReturnType.Type) || (parameters.Length > 0 && !takesSimulation))
        {
            parms = new TestCaseParameters(new ArgumentException(
                $"[SimulationTest] needs a method 'async Task {method.Name}()' or 'async Task {method.Name}(Simulation sim)'."));
        }

        else
        {
            // NUnit checks arguments against parameters; the Simulation is supplied per seed by the command.
            parms = takesSimulation ? new TestCaseParameters([null]) { TestName = method.Name } : new TestCaseParameters();
        }

        TestMethod test = _builder.BuildTestMethod(method, suite, parms);
        if (test.RunState != RunState.NotRunnable && Invalid() is { } invalid)
        {
            test.MakeInvalid(invalid);
        }

        return test;
    }

    // The first property out of its range, as a sentence naming it; null when all are valid. Checked when the test
    // is built, so a bad value makes this test not runnable with the reason, before any seed (or thread) starts.
    internal string? Invalid()
    {
        if (Seeds < 1)
        {
            return $"[SimulationTest] Seeds must be at least 1; it was {Seeds}, which would run no seed and test nothing.";
        }

        if (!Enum.IsDefined(Strategy))
        {
            return $"[SimulationTest] Strategy must be ScheduleStrategy.Fifo, Random, Pct or Portfolio; it was (ScheduleStrategy){(int)Strategy}.";
        }

        if (MaxSteps < 0)
        {
            return $"[SimulationTest] MaxSteps must be 0 (the SimulationOptions default) or positive; it was {MaxSteps}.";
        }

        if (MaxDegreeOfParallelism < 0)
        {
            return $"[SimulationTest] MaxDegreeOfParallelism must be 0 (one thread per core) or positive; it was {MaxDegreeOfParallelism}.";
        }

        return _settings.Invalid("[SimulationTest]");
    }

    /// <summary>Replaces the single invocation of the test method with the seed run.</summary>
    /// <param name="command">The command that would invoke the method once.</param>
    /// <returns>The command that runs it once per seed.</returns>
    public TestCommand Wrap(TestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new SimulationTestCommand(command, this);
    }
}
