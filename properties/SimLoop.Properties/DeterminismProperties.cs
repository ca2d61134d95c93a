namespace SimLoop.Properties;

/// <summary>Laws of determinism (DESIGN "Semantics that properties pin down", 2), positive and negative (STYLE 23):
/// the same seed, options and program give the same run; under Random and Pct different seeds give different
/// interleavings of a program with real races; under Fifo the order is asyncio's whatever the seed.</summary>
[Properties(Arbitrary = new[] { typeof(SimArbitraries) })]
public sealed class DeterminismProperties
{
    private const string Fixture = nameof(DeterminismProperties);
    private const int Runs = 10;
    private const int Workers = 4;
    private const int Rounds = 4;
    private const int SeedCount = 20;

    /// <summary>Ten runs of a generated program with one seed: one output, one step count, one fingerprint.</summary>
    /// <param name="simCase">The seed and strategy.</param>
    /// <param name="program">The program.</param>
    [Property(MaxTest = 200)]
    public void SameSeed_SameProgram_SameRunOverTenRuns(SimCase simCase, SimProgram program)
    {
        var verdict = new Verdict($"Determinism ({program})", simCase, Fixture);
        RunRecord first = Record(simCase, program.Main);
        for (int i = 1; i < Runs; i++)
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

    /// <summary>The fixed racy program: one fingerprint and one output over ten runs of each seed and strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void SameSeed_RacyProgram_OneFingerprintOverTenRuns(ScheduleStrategy strategy)
    {
        var simCase = new SimCase(1234, strategy);
        List<(string Fingerprint, string Output)> runs = [.. Enumerable.Range(0, Runs).Select(_ => RunRace(simCase))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.EqualTo(1), $"fingerprints ({simCase})");
            Assert.That(runs.Select(r => r.Output).Distinct().Count(), Is.EqualTo(1), $"outputs ({simCase})");
        }
    }

    /// <summary>Twenty seeds of the racy program under a randomized strategy: many fingerprints and many outputs.</summary>
    /// <param name="strategy">The strategy.</param>
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void DifferentSeeds_RacyProgram_ManyFingerprints(ScheduleStrategy strategy)
    {
        List<(string Fingerprint, string Output)> runs =
            [.. Enumerable.Range(1, SeedCount).Select(seed => RunRace(new SimCase(seed, strategy)))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.GreaterThan(SeedCount / 2),
                $"distinct fingerprints over seeds 1..{SeedCount} under {strategy}");
            Assert.That(runs.Select(r => r.Output).Distinct().Count(), Is.GreaterThan(SeedCount / 4),
                $"distinct outputs over seeds 1..{SeedCount} under {strategy}");
        }
    }

    /// <summary>Under Fifo the racy program prints asyncio's round-robin order for every seed.</summary>
    [Test]
    public void DifferentSeeds_Fifo_AsyncioOrderForEverySeed()
    {
        string roundRobin = string.Join(" ", Enumerable.Range(0, Rounds)
            .SelectMany(_ => Enumerable.Range(0, Workers).Select(w => w.ToString(CultureInfo.InvariantCulture))));
        List<string> outputs = [.. Enumerable.Range(1, SeedCount).Select(seed => RunRace(new SimCase(seed, ScheduleStrategy.Fifo)).Output)];
        Assert.That(outputs, Is.All.EqualTo(roundRobin), "Fifo output over seeds 1..20");
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
