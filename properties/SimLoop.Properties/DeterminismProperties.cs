namespace SimLoop.Properties;

/// <summary>Laws of determinism (DESIGN "Semantics that properties pin down", 2), positive and negative (STYLE 23):
/// the same seed, options and program give the same run; under Random and Pct different seeds give different
/// interleavings of a program with real races; under Fifo the order is asyncio's whatever the seed.</summary>
/// <remarks>The racy-program laws enumerate their seeds (0 to 19, or what <c>SIMLOOP_SEED</c>, <c>SIMLOOP_SEEDS</c> and
/// <c>SIMLOOP_SHARD</c> say, through <see cref="SeedEnvironment"/>); each runs under its own strategy, so with
/// <c>SIMLOOP_STRATEGY</c> set only the cases of that strategy run and the others are ignored.</remarks>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class DeterminismProperties
{
    private const int RunsPerSeed = 10;
    private const int Workers = 4;
    private const int Rounds = 4;
    private const int SeedCount = 20;

    /// <summary>Ten runs of a generated program with one seed: one output, one step count, one fingerprint.</summary>
    /// <param name="simCase">The seed and strategy.</param>
    /// <param name="program">The program.</param>
    [SimulationProperty(Seeds = 200)]
    public void SameSeed_SameProgram_SameRunOverTenRuns(SimCase simCase, SimProgram program)
    {
        var verdict = new Verdict($"Determinism ({program})", simCase);
        RunRecord first = Record(simCase, program.Main);
        for (int i = 1; i < RunsPerSeed; i++)
        {
            RunRecord again = Record(simCase, program.Main);
            verdict.ExpectSequence(first.Log, again.Log, $"output of run {i + 1} against run 1");
            verdict.ExpectEqual(first.Steps, again.Steps, $"steps of run {i + 1} against run 1");
            verdict.ExpectEqual(first.Elapsed, again.Elapsed, $"virtual time of run {i + 1} against run 1");
            verdict.ExpectEqual(first.Failure, again.Failure, $"exception of run {i + 1} against run 1");
            verdict.ExpectEqual(first.Fingerprint, again.Fingerprint, $"fingerprint of run {i + 1} against run 1");
        }

        verdict.ExpectEqual("none", first.Failure, "exception of the run");
        verdict.ThrowIfViolated();
    }

    /// <summary>The racy program: one fingerprint and one output over ten runs of each seed, under each strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void SameSeed_RacyProgram_OneFingerprintOverTenRuns(ScheduleStrategy strategy)
    {
        RunsOnlyUnder(strategy);
        foreach (long seed in SeedEnvironment.Seeds(SeedCount))
        {
            SimCase simCase = Runs.Case(seed, strategy);
            List<(string Fingerprint, string Output)> runs = [.. Enumerable.Range(0, RunsPerSeed).Select(_ => RunRace(simCase))];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.EqualTo(1),
                    () => $"fingerprints ({simCase}); replay: {SeedEnvironment.ReplayLine(seed, strategy)}");
                Assert.That(runs.Select(r => r.Output).Distinct().Count(), Is.EqualTo(1),
                    () => $"outputs ({simCase}); replay: {SeedEnvironment.ReplayLine(seed, strategy)}");
            }
        }
    }

    /// <summary>Under a randomized strategy, every twenty consecutive seeds of the racy program give many
    /// fingerprints and many outputs.</summary>
    /// <param name="strategy">The strategy.</param>
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void DifferentSeeds_RacyProgram_ManyFingerprints(ScheduleStrategy strategy)
    {
        RunsOnlyUnder(strategy);
        foreach (long[] window in SeedEnvironment.Seeds(SeedCount).Chunk(SeedCount))
        {
            List<(string Fingerprint, string Output)> runs = [.. window.Select(seed => RunRace(Runs.Case(seed, strategy)))];
            string seeds = window.Length == 1 ? $"seed {window[0]}" : $"seeds {window[0]}..{window[^1]}";
            using (Assert.EnterMultipleScope())
            {
                Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.GreaterThan(window.Length / 2),
                    () => $"distinct fingerprints over {seeds} under {strategy}");
                Assert.That(runs.Select(r => r.Output).Distinct().Count(), Is.GreaterThan(window.Length / 4),
                    () => $"distinct outputs over {seeds} under {strategy}");
            }
        }
    }

    /// <summary>Under Fifo the racy program prints asyncio's round-robin order for every seed.</summary>
    [Test]
    public void DifferentSeeds_Fifo_AsyncioOrderForEverySeed()
    {
        RunsOnlyUnder(ScheduleStrategy.Fifo);
        string roundRobin = string.Join(" ", Enumerable.Range(0, Rounds)
            .SelectMany(_ => Enumerable.Range(0, Workers).Select(w => w.ToString(CultureInfo.InvariantCulture))));
        foreach (long seed in SeedEnvironment.Seeds(SeedCount))
        {
            string output = RunRace(Runs.Case(seed, ScheduleStrategy.Fifo)).Output;
            Assert.That(output, Is.EqualTo(roundRobin),
                () => $"Fifo output of seed {seed}; replay: {SeedEnvironment.ReplayLine(seed, ScheduleStrategy.Fifo)}");
        }
    }

    // A law about one strategy does not run under another: SIMLOOP_STRATEGY picks which of the cases run.
    private static void RunsOnlyUnder(ScheduleStrategy strategy)
    {
        ScheduleStrategy wanted = SeedEnvironment.Strategy(strategy);
        if (wanted != strategy)
        {
            Assert.Ignore($"SIMLOOP_STRATEGY={wanted}: this case checks {strategy}.");
        }
    }

    // Workers that each print their number and yield, Rounds times: every interleaving is a different output.
    private static (string Fingerprint, string Output) RunRace(SimCase simCase)
    {
        var output = new List<string>();
        Simulation sim = simCase.NewSimulation();
        sim.Run(async () =>
        {
            SimTask[] workers = [.. Enumerable.Range(0, Workers).Select(w => Sim.Spawn(async () =>
            {
                for (int round = 0; round < Rounds; round++)
                {
                    output.Add(w.ToString(CultureInfo.InvariantCulture));
                    await Sim.Yield();
                }
            }))];
            foreach (SimTask worker in workers)
            {
                await worker;
            }
        });
        return (sim.Trace.Fingerprint, string.Join(" ", output));
    }

    private static RunRecord Record(SimCase simCase, TaskPlan main)
    {
        var run = new ProgramRun();
        Simulation sim = simCase.NewSimulation();
        string failure = "none";
        try
        {
            sim.Run(() => run.Main(main));
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            failure = exception.GetType().Name + ": " + exception.Message;
        }

        return new RunRecord(run.Log, sim.Steps, sim.Elapsed, sim.Trace.Fingerprint, failure);
    }

    private sealed record RunRecord(List<ProgramEvent> Log, long Steps, TimeSpan Elapsed, string Fingerprint, string Failure);
}
