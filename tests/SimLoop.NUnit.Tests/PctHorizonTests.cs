using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SimLoop.Seeds.Tests.Support;

namespace SimLoop.Seeds.Tests;

// Pct's horizon in a seed batch: estimated block by block from the runs before, the same on any number of threads,
// and pinned in the replay line so a failing seed replays alone.
public partial class PctHorizonTests
{
    // Two workers of five yields each beside main: whatever the order, a run makes a few to a dozen real choices.
    private static async Task TenChoices()
    {
        static async Task Work()
        {
            for (int i = 0; i < 5; i++)
            {
                await Sim.Yield();
            }
        }

        SimTask a = Sim.Spawn(Work, "a");
        SimTask b = Sim.Spawn(Work, "b");
        await a;
        await b;
    }

    private static SeedRunOptions Options(int seeds, int threads, ScheduleStrategy strategy = ScheduleStrategy.Pct,
        Func<string, string?>? environment = null) => new()
    {
        Seeds = seeds,
        Strategy = strategy,
        TestName = "PctHorizonTests.Program",
        MaxDegreeOfParallelism = threads,
        Progress = TextWriter.Null,
        Environment = environment ?? DemoPrograms.NoEnvironment,
    };

    // Each seed's horizon as its Pct saw it, and its run's choices once finished.
    private static (SortedDictionary<long, int> Steps, SortedDictionary<long, long> Choices) Observe(
        Func<Task> program, SeedRunOptions options)
    {
        var runs = new ConcurrentDictionary<long, Simulation>();
        SimulationRunner.Check(sim =>
        {
            runs[sim.Seed] = sim;
            return program();
        }, options);
        return (new SortedDictionary<long, int>(runs.ToDictionary(r => r.Key, r => r.Value.Options.PctSteps)),
            new SortedDictionary<long, long>(runs.ToDictionary(r => r.Key, r => r.Value.Choices)));
    }

    [Test]
    public void Batch_TenChoiceProgram_EachSeedRunsPctOverTheLongestRunOfTheBlocksBeforeIt()
    {
        (SortedDictionary<long, int> steps, SortedDictionary<long, long> choices) = Observe(TenChoices, Options(64, threads: 2));

        // Blocks 0; 1; 2-3; 4-7; 8-15; 16-31; 32-63, each seed's estimate the longest run before its block.
        var expected = new SortedDictionary<long, int> { [0] = 0 };
        for (long first = 1; first < 64; first *= 2)
        {
            int longest = (int)choices.Where(c => c.Key < first).Max(c => c.Value);
            for (long seed = first; seed < Math.Min(64, 2 * first); seed++)
            {
                expected[seed] = longest;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choices.Values, Has.All.InRange(6L, 14L), "the program makes about ten real choices a run");
            Assert.That(steps, Is.EqualTo(expected));
            Assert.That(steps.Values.Skip(1), Has.All.InRange(6, 14), "about ten: not a drawn 4, nor 200");
        }
    }

    [Test]
    public void Batch_OneThreadOrFour_SameHorizonsAndSameFailures()
    {
        var one = Observe(TenChoices, Options(200, threads: 1, ScheduleStrategy.Portfolio));
        var four = Observe(TenChoices, Options(200, threads: 4, ScheduleStrategy.Portfolio));
        var failOne = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(300, threads: 1)));
        var failFour = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(300, threads: 4)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(four.Steps, Is.EqualTo(one.Steps));
            Assert.That(four.Choices, Is.EqualTo(one.Choices));
            Assert.That(failFour.Message, Is.EqualTo(failOne.Message));
        }
    }

    [Test]
    public void Batch_PctStepsSet_NoEstimate()
    {
        var options = Options(16, threads: 2) with { Simulation = new SimulationOptions { PctSteps = 123 } };
        (SortedDictionary<long, int> steps, _) = Observe(TenChoices, options);
        (SortedDictionary<long, int> pinned, _) = Observe(TenChoices, Options(16, threads: 2,
            environment: DemoPrograms.Environment(("SIMLOOP_PCT_STEPS", "77"))));

        Assert.That(steps.Values, Has.All.EqualTo(123));
        Assert.That(pinned.Values, Has.All.EqualTo(77));
    }

    [Test]
    public void ReplayLine_OfASeedWithAnEstimate_AppliedAsAShellWould_ReproducesFailureStepAndFingerprint()
    {
        var runs = new ConcurrentDictionary<long, Simulation>();
        Func<Simulation, Task> body = sim => Fingerprinted(sim, runs);
        var found = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(body, Options(300, threads: 2)));
        long seed = found.FailedSeeds[0];
        string fingerprint = runs[seed].Trace.Fingerprint;
        Match line = ReplayLine().Match(found.Message);
        Assert.That(line.Success, Is.True, found.Message);
        Assert.That(line.Value, Does.Contain(" SIMLOOP_PCT_STEPS="), "the seed's Pct ran over an estimate, which the line pins");

        // Every NAME=value before "dotnet test", as the shell would export them.
        var variables = Variable().Matches(line.Groups["variables"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        runs.Clear();
        var again = Assert.Throws<SeedFailureException>(() =>
            SimulationRunner.Check(body, Options(300, threads: 2, environment: variables.GetValueOrDefault)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(variables["SIMLOOP_SEED"], Is.EqualTo(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(again.FailedSeeds, Is.EqualTo(new[] { seed }));
            Assert.That(Block(again.Message), Is.EqualTo(Block(found.Message)), "the same exception at the same step and virtual time");
            Assert.That(runs[seed].Trace.Fingerprint, Is.EqualTo(fingerprint));
        }
    }

    [Test]
    public void ReplayLine_WithoutItsPctSteps_RunsADifferentSchedule()
    {
        // What the pin is for: the seed alone, drawing its horizon, runs another schedule than it ran in the batch.
        var runs = new ConcurrentDictionary<long, Simulation>();
        Func<Simulation, Task> body = sim => Fingerprinted(sim, runs);
        var found = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(body, Options(300, threads: 2)));
        long seed = found.FailedSeeds[0];
        string fingerprint = runs[seed].Trace.Fingerprint;
        runs.Clear();
        try
        {
            SimulationRunner.Check(body, Options(300, threads: 2,
                environment: DemoPrograms.Environment(("SIMLOOP_SEED", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }
        catch (SeedFailureException)
        {
            // the seed may still fail, on another schedule
        }

        Assert.That(runs[seed].Trace.Fingerprint, Is.Not.EqualTo(fingerprint));
    }

    [Test]
    public void Estimator_RejectsBadInputNamingTheArgument()
    {
        var horizon = new PctHorizon();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => horizon.StepsFor(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("index"));
            Assert.That(() => horizon.Record(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("choices"));
            Assert.That(() => PctHorizon.BlockEnd(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("index"));
        }

        horizon.StepsFor(4);
        Assert.That(() => horizon.StepsFor(3), Throws.InvalidOperationException.With.Message.Contains("seed index 3 is in block 2"));
    }

    [Test]
    public void Estimator_UsesOnlyTheBlocksBeforeTheSeeds()
    {
        var horizon = new PctHorizon();
        int first = horizon.StepsFor(0);
        horizon.Record(10);
        int second = horizon.StepsFor(1);
        horizon.Record(30);
        int third = horizon.StepsFor(2);
        horizon.Record(500); // seed 2's run: its block-mate, seed 3, does not see it
        int fourth = horizon.StepsFor(3);
        horizon.Record(7);
        int fifth = horizon.StepsFor(4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { first, second, third, fourth, fifth }, Is.EqualTo(new[] { 0, 10, 30, 30, 500 }));
            Assert.That(new[] { PctHorizon.BlockEnd(0), PctHorizon.BlockEnd(1), PctHorizon.BlockEnd(2), PctHorizon.BlockEnd(3), PctHorizon.BlockEnd(4), PctHorizon.BlockEnd(long.MaxValue) },
                Is.EqualTo(new[] { 1L, 2, 4, 4, 8, long.MaxValue }));
        }
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("ten")]
    public void PctStepsVariable_Malformed_ThrowsNamingVariableAndValue(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SeedSource.ReadPctSteps(value));
        Assert.That(e.Message, Does.StartWith($"SIMLOOP_PCT_STEPS='{value}' is not valid"));
    }

    // The check-then-act race of DemoPrograms.Transfer; seed 0, the one seed a batch runs without an estimate, passes
    // whatever it finds, so the first failing seed is one whose Pct ran over the batch's estimate.
    private static async Task Fingerprinted(Simulation sim, ConcurrentDictionary<long, Simulation> runs)
    {
        runs[sim.Seed] = sim;
        try
        {
            await DemoPrograms.Transfer();
        }
        catch (InvalidOperationException) when (sim.Seed == 0)
        {
        }
    }

    [Test]
    public void RegressionsFile_KeepsTheSeedsPctSteps()
    {
        string directory = Directory.CreateTempSubdirectory("simloop-pct-").FullName;
        try
        {
            var file = new RegressionsFile(Path.Combine(directory, "Fixture.txt"), "Fixture.txt");
            var failure = new SeedOutcome(new SeedCase(42, ScheduleStrategy.Pct) { PctSteps = 17 }, new InvalidOperationException("x"),
                3, TimeSpan.Zero);
            file.Append("Move", failure);
            file.Append("Move", failure with { Case = new SeedCase(43, ScheduleStrategy.Random) });

            IReadOnlyList<SeedCase> read = file.Read("Move");

            Assert.That(File.ReadAllText(file.Path), Does.Contain("Move seed=42 strategy=Pct pct-steps=17  # "));
            Assert.That(read.Select(c => (c.Seed, c.PctSteps)), Is.EqualTo(new[] { (42L, 17), (43L, 0) }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Block(string message) => message.Split("\n\n")[1];

    [GeneratedRegex(@"Replay: (?<variables>(?:SIMLOOP_\w+=\S+ )+)dotnet test")]
    private static partial Regex ReplayLine();

    [GeneratedRegex(@"(SIMLOOP_\w+)=(\S+) ")]
    private static partial Regex Variable();
}
