namespace SimLoop.Seeds.Tests;

public class RegressionsFileTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("simloop-regressions-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private RegressionsFile File() => new(Path.Combine(_directory, "Fixture.txt"), "simloop-regressions/Fixture.txt");

    [Test]
    public void Append_ThenRead_RoundTripsSeedAndStrategy()
    {
        RegressionsFile file = File();
        file.Append("Move", Failure(1234, ScheduleStrategy.Pct));
        file.Append("Move", Failure(-5, ScheduleStrategy.Fifo));
        file.Append("Other", Failure(7, ScheduleStrategy.Random));

        IReadOnlyList<SeedCase> read = File().Read("Move");

        Assert.That(read, Is.EqualTo(new[]
        {
            new SeedCase(1234, ScheduleStrategy.Pct, "simloop-regressions/Fixture.txt line 3"),
            new SeedCase(-5, ScheduleStrategy.Fifo, "simloop-regressions/Fixture.txt line 4"),
        }));
    }

    [Test]
    public void Append_SeedAlreadyThere_AddsNoLine()
    {
        RegressionsFile file = File();
        bool first = file.Append("Move", Failure(1, ScheduleStrategy.Pct));
        bool second = file.Append("Move", Failure(1, ScheduleStrategy.Pct));

        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(file.Read("Move"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Read_NoFile_IsEmpty()
    {
        Assert.That(File().Read("Move"), Is.Empty);
    }

    [TestCase("Move seed=12 strategy=Chaos")]
    [TestCase("Move seed=12")]
    [TestCase("Move seed=twelve strategy=Pct")]
    [TestCase("Move 12 Pct")]
    [TestCase("Move seed=12 strategy=1")]
    [TestCase("<<<<<<< HEAD")]
    public void Read_CorruptLine_ThrowsNamingFileAndLine(string corrupt)
    {
        System.IO.File.WriteAllLines(File().Path, ["# comment", "", "Move seed=1 strategy=Pct  # fine", corrupt]);

        Assert.That(() => File().Read("Move"), Throws.InvalidOperationException.With.Message.StartWith(
            "simloop-regressions/Fixture.txt line 4 is not a regression").And.Message.Contains($"found '{corrupt}'"));
    }

    [Test]
    public void Run_FailingSeed_IsAppendedAndReplayedFirstOnTheNextRun()
    {
        var options = new SeedRunOptions { Seeds = 200, Progress = TextWriter.Null, Environment = DemoPrograms.NoEnvironment };
        SeedRun first = SeedRun.Execute(_ => DemoPrograms.Transfer(), options, "Fixture.Move", "Move", File());
        long seed = first.Outcomes.First(o => o.Failed).Case.Seed;
        IReadOnlyList<SeedCase> recorded = File().Read("Move");

        // The next run covers other seeds only (a later shard, say), yet the regression still runs, first.
        var later = options with { Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", "4/4")) };
        SeedRun second = SeedRun.Execute(_ => DemoPrograms.Transfer(), later, "Fixture.Move", "Move", File());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.FailureMessage, Does.Contain($"Seed {seed} was added to simloop-regressions/Fixture.txt"));
            Assert.That(recorded.Select(c => c.Seed), Is.EqualTo(new[] { seed }), "one line per run: its first failing seed");
            Assert.That(second.Outcomes[0].Case, Is.EqualTo(new SeedCase(seed, ScheduleStrategy.Random, "simloop-regressions/Fixture.txt line 3")));
            Assert.That(second.Outcomes[0].Failed, Is.True);
            Assert.That(second.FailureMessage, Does.Contain($"\nSeed {seed} (strategy Random) failed at step ")
                .And.Contain("\n  From: simloop-regressions/Fixture.txt line 3\n"));
            Assert.That(second.Outcomes.Skip(1).Select(o => o.Case.Seed), Is.EqualTo(Enumerable.Range(750, 250).Select(i => (long)i)));
        }
    }

    [Test]
    public void Run_ReplayingOneSeed_SkipsTheRegressions()
    {
        File().Append("Move", Failure(3, ScheduleStrategy.Random));
        var options = new SeedRunOptions { Progress = TextWriter.Null, Environment = DemoPrograms.Environment(("SIMLOOP_SEED", "42")) };

        SeedRun run = SeedRun.Execute(_ => Task.CompletedTask, options, "Fixture.Move", "Move", File());

        Assert.That(run.Outcomes.Select(o => o.Case.Seed), Is.EqualTo(new long[] { 42 }));
    }

    private static SeedOutcome Failure(long seed, ScheduleStrategy strategy) =>
        new(new SeedCase(seed, strategy), new InvalidOperationException("boom\nsecond line"), 3, TimeSpan.Zero, "");
}
