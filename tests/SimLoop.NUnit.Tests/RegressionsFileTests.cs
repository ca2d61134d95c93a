using System.Diagnostics;
using System.Globalization;

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
        long seed = first.Failures[0].Case.Seed;
        IReadOnlyList<SeedCase> recorded = File().Read("Move");

        // The next run covers other seeds only (a later shard, say), yet the regression still runs, first.
        var later = options with { Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", "4/4")) };
        var ran = new System.Collections.Concurrent.ConcurrentBag<long>();
        SeedRun second = SeedRun.Execute(sim => { ran.Add(sim.Seed); return DemoPrograms.Transfer(); }, later, "Fixture.Move", "Move", File());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.FailureMessage, Does.Contain($"Seed {seed} was added to simloop-regressions/Fixture.txt"));
            Assert.That(recorded.Select(c => c.Seed), Is.EqualTo(new[] { seed }), "one line per run: its first failing seed");
            Assert.That(second.Cases[0], Is.EqualTo(new SeedCase(seed, ScheduleStrategy.Portfolio, "simloop-regressions/Fixture.txt line 3")
            {
                PctSteps = recorded[0].PctSteps,
            }), "the recorded seed, under the horizon it recorded");
            Assert.That(second.Failures[0].Case, Is.EqualTo(second.Cases[0]));
            Assert.That(second.FailureMessage, Does.Contain($"\nSeed {seed} (strategy {new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Portfolio }.DescribeStrategy()}) failed at step ")
                .And.Contain("\n  From: simloop-regressions/Fixture.txt line 3\n"));
            Assert.That(second.Cases.Skip(1).Select(c => c.Seed), Is.EqualTo(Enumerable.Range(750, 250).Select(i => (long)i)));
            Assert.That(ran.Distinct().Order(), Is.EqualTo(second.Cases.Select(c => c.Seed).Order()), "each case ran (the first failure twice: alone too)");
        }
    }

    [Test]
    public void Run_ReplayingOneSeed_SkipsTheRegressions()
    {
        File().Append("Move", Failure(3, ScheduleStrategy.Random));
        var options = new SeedRunOptions { Progress = TextWriter.Null, Environment = DemoPrograms.Environment(("SIMLOOP_SEED", "42")) };

        SeedRun run = SeedRun.Execute(_ => Task.CompletedTask, options, "Fixture.Move", "Move", File());

        Assert.That(run.Cases.Select(c => c.Seed), Is.EqualTo(new long[] { 42 }));
    }

    [TestCase("Fixture.Test with spaces")]
    [TestCase("Fixture.Test(\"a b\", 1) # not a comment")]
    [TestCase("Fixture.Tab\tNewLine\nPercent%41")]
    [TestCase("Fixture.Ünïcode\u00A0space")]
    public void Append_NameTheReaderWouldSplit_ReadsBackUnderTheSameName(string test)
    {
        RegressionsFile file = File();
        file.Append(test, Failure(12, ScheduleStrategy.Pct));
        file.Append("Other", Failure(13, ScheduleStrategy.Pct));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File().Read(test).Select(c => (c.Seed, c.Strategy)), Is.EqualTo(new[] { (12L, ScheduleStrategy.Pct) }));
            Assert.That(File().Read("Other").Select(c => c.Seed), Is.EqualTo(new[] { 13L }));
            Assert.That(file.Append(test, Failure(12, ScheduleStrategy.Pct)), Is.False, "the escaped name is found again: no duplicate");
            Assert.That(System.IO.File.ReadAllLines(file.Path), Has.Length.EqualTo(4), "two header lines, one line per seed");
        }
    }

    [Test]
    public void Append_FileWithoutFinalNewLine_StartsItsOwnLine()
    {
        System.IO.File.WriteAllText(File().Path, "Move seed=1 strategy=Pct");

        File().Append("Move", Failure(2, ScheduleStrategy.Pct));

        Assert.That(File().Read("Move").Select(c => c.Seed), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void Append_TwoProcessesAtOnce_LoseNoLineAndDuplicateNone()
    {
        const int each = 150;
        string assembly = typeof(RegressionsFileTests).Assembly.Location;
        string path = File().Path;
        Process[] writers = [Writer(assembly, path, 0, each), Writer(assembly, path, 10_000, each)];
        foreach (Process writer in writers)
        {
            using (writer)
            {
                Assert.That(writer.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "a writer hung");
                Assert.That(writer.ExitCode, Is.Zero, writer.StandardError.ReadToEnd());
            }
        }

        IEnumerable<long> expected = Enumerable.Range(0, each).Concat(Enumerable.Range(10_000, each)).Select(i => (long)i);
        Assert.That(File().Read("Move").Select(c => c.Seed).Order(), Is.EqualTo(expected));
        Assert.That(System.IO.File.ReadAllLines(path).Count(l => l.StartsWith("# SimLoop regressions", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Append_ThreadsWithTheirOwnStreams_LoseNoLineAndDuplicateNone()
    {
        // No lock inside the process: each RegressionsFile opens its own FileStream, so only the OS file lock
        // keeps the read-check-append of one thread from interleaving with another's.
        const int threads = 4;
        const int each = 60;
        Thread[] writers = [.. Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int i = 0; i < each; i++)
            {
                File().Append("Move", Failure(t * 1000 + i, ScheduleStrategy.Random));
                File().Append("Move", Failure(i, ScheduleStrategy.Random)); // the same seed from every thread: one line
            }
        }))];
        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        foreach (Thread writer in writers)
        {
            Assert.That(writer.Join(TimeSpan.FromMinutes(2)), Is.True, "a writer hung");
        }

        IEnumerable<long> expected = Enumerable.Range(0, threads).SelectMany(t => Enumerable.Range(t * 1000, each)).Select(i => (long)i)
            .Concat(Enumerable.Range(0, each).Select(i => (long)i)).Distinct().Order();
        Assert.That(File().Read("Move").Select(c => c.Seed).Order(), Is.EqualTo(expected));
    }

    [Test]
    public void Run_KnownSeedStillFails_AddsNoNewSeed()
    {
        var options = new SeedRunOptions { Seeds = 200, Progress = TextWriter.Null, Environment = DemoPrograms.NoEnvironment };
        SeedRun.Execute(_ => DemoPrograms.Transfer(), options, "Fixture.Move", "Move", File());
        string recorded = System.IO.File.ReadAllText(File().Path);

        var later = options with { Environment = DemoPrograms.Environment(("SIMLOOP_SEEDS", "1000"), ("SIMLOOP_SHARD", "4/4")) };
        SeedRun second = SeedRun.Execute(_ => DemoPrograms.Transfer(), later, "Fixture.Move", "Move", File());

        Assert.That(second.FailedCount, Is.GreaterThan(1), "the known seed and new ones failed");
        Assert.That(System.IO.File.ReadAllText(File().Path), Is.EqualTo(recorded));
        Assert.That(second.FailureMessage, Does.EndWith("No seed was added to simloop-regressions/Fixture.txt: seed " +
            $"{second.Cases[0].Seed} from it (simloop-regressions/Fixture.txt line 3) still fails."));
    }

    private static Process Writer(string assembly, string path, int first, int count)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", assembly, "append", path, "Move", first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static SeedOutcome Failure(long seed, ScheduleStrategy strategy) =>
        new(new SeedCase(seed, strategy), new InvalidOperationException("boom\nsecond line"), 3, TimeSpan.Zero);
}
