namespace SimLoop.Compatibility.Tests.Support;

// Runs a scenario under Fifo, Random and Pct for many seeds, each seed twice, and checks the three claims:
// the two runs of a seed are the same run (output, fingerprint, virtual time); no piece of scenario code ran outside
// a step of the loop or beside another one; and the run did not fail (no SimulationEscapeException). The
// scenario's own meaning is checked by the caller's verify on every run, and the races are shown to be real: seeds
// under Random choose differently, so the same-seed assertion is not vacuous.
internal static class DeterminismHarness
{
    /// <summary>Environment variable that lowers (or raises) the seeds per strategy; 200 by default.</summary>
    public const string SeedsVariable = "SIMLOOP_COMPAT_SEEDS";

    private const int DefaultSeeds = 200;

    public static IReadOnlyList<ScheduleStrategy> Strategies { get; } =
        [ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct];

    /// <summary>Gets how many seeds each strategy runs.</summary>
    public static int Seeds { get; } = ReadSeeds();

    /// <summary>Runs a scenario once and records what it did.</summary>
    public static ScenarioRun RunOnce(ScheduleStrategy strategy, long seed, Func<Action<string>, Task> scenario) =>
        RunOnce(strategy, seed, _ => scenario);

    /// <summary>Runs a scenario once; <paramref name="setup"/> builds it from the simulation before <c>Run</c>.</summary>
    public static ScenarioRun RunOnce(ScheduleStrategy strategy, long seed, Func<Simulation, Func<Action<string>, Task>> setup)
    {
        var sim = new Simulation(new SimulationOptions { Strategy = strategy, Seed = seed });
        Func<Action<string>, Task> scenario = setup(sim);
        var probe = new ScenarioProbe(sim);
        Exception? failure = null;
        try
        {
            sim.Run(() => scenario(probe.Print));
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        int poolSteps = sim.Trace.Count(e => e.Kind == TraceEventKind.ThreadPoolWork);
        return new ScenarioRun(strategy, seed, probe.Lines, sim.Trace.Fingerprint, sim.Elapsed, probe.MaxConcurrent,
            probe.OutsideSteps, poolSteps, probe.OffLoopPrints, failure);
    }

    /// <summary>Checks a scenario under every strategy and seed, each seed twice; see the file's comment.</summary>
    /// <param name="scenario">The program; it prints through the action it is given.</param>
    /// <param name="verify">The scenario's meaning, asserted on every run.</param>
    /// <param name="races">Where different seeds must show different choices.</param>
    /// <returns>The first run of every (strategy, seed).</returns>
    public static CompatibilitySummary Check(
        Func<Action<string>, Task> scenario, Action<ScenarioRun> verify, Races races = Races.InOutput) =>
        Check(_ => scenario, verify, races);

    /// <summary>Checks a scenario that needs the simulation before it runs (to build something outside <c>Run</c>).</summary>
    /// <param name="setup">Builds the program from the simulation, on the test's thread, before <c>Run</c>.</param>
    /// <param name="verify">The scenario's meaning, asserted on every run.</param>
    /// <param name="races">Where different seeds must show different choices.</param>
    /// <returns>The first run of every (strategy, seed).</returns>
    public static CompatibilitySummary Check(
        Func<Simulation, Func<Action<string>, Task>> setup, Action<ScenarioRun> verify, Races races = Races.InOutput)
    {
        var runs = new List<ScenarioRun>();
        foreach (ScheduleStrategy strategy in Strategies)
        {
            for (long seed = 0; seed < Seeds; seed++)
            {
                ScenarioRun first = RunOnce(strategy, seed, setup);
                ScenarioRun second = RunOnce(strategy, seed, setup);
                AssertControlled(first);
                AssertControlled(second);
                AssertSameRun(first, second);
                verify(first);
                runs.Add(first);
            }
        }

        var summary = new CompatibilitySummary(runs);
        AssertRacesAreReal(summary, races);
        return summary;
    }

    private static void AssertControlled(ScenarioRun run)
    {
        if (run.Failure is not null)
        {
            Assert.Fail($"{run.Where}: the run failed: {run.Failure}");
        }

        Assert.That(run.OutsideSteps, Is.Zero, $"{run.Where}: scenario code ran outside any step of the loop");
        Assert.That(run.MaxConcurrent, Is.EqualTo(1), $"{run.Where}: two pieces of scenario code ran at the same time");
    }

    private static void AssertSameRun(ScenarioRun first, ScenarioRun second)
    {
        Assert.That(second.Lines, Is.EqualTo(first.Lines), $"{first.Where}: a second run printed differently");
        Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"{first.Where}: a second run took other steps");
        Assert.That(second.Elapsed, Is.EqualTo(first.Elapsed), $"{first.Where}: a second run took other virtual time");
    }

    // Only meaningful with enough seeds to see a difference; a run with SIMLOOP_COMPAT_SEEDS=1 skips it.
    private static void AssertRacesAreReal(CompatibilitySummary summary, Races races)
    {
        if (Seeds < 10)
        {
            return;
        }

        Assert.That(summary.DistinctFingerprints(ScheduleStrategy.Random), Is.GreaterThan(1),
            "different seeds under Random all took the same steps: the scenario has no race to decide");
        if (races == Races.InOutput)
        {
            Assert.That(summary.DistinctOutputs(ScheduleStrategy.Random), Is.GreaterThan(1),
                "different seeds under Random all printed the same: the scenario's race does not show in its output");
        }
    }

    private static int ReadSeeds()
    {
        string? text = Environment.GetEnvironmentVariable(SeedsVariable);
        return int.TryParse(text, out int seeds) && seeds > 0 ? seeds : DefaultSeeds;
    }
}
