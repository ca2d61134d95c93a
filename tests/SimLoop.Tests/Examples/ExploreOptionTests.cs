using SimLoop.Examples.Cli;
using SimLoop.Examples.Notes;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// --explore N runs N seeds and reports the distinct outputs and fingerprints with their seeds. The counts are
// checked against the notes run directly under the core; the report is the same, byte for byte, every time.
[TestFixture]
public sealed class ExploreOptionTests
{
    private const string Racy = "get_html_interrupted";
    private static readonly string[] TableHeadingWords =
        ["program", "runs", "outputs", "fingerprints", "differ", "from", "fifo", "failed"];

    [Test]
    public void Explore_SameSeedsTwice_SameReport()
    {
        CliResult first = RunCli("--explore", "40");
        CliResult second = RunCli("--explore", "40");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
        }
    }

    [Test]
    public void Explore_OtherSeeds_OtherReport()
    {
        CliResult first = RunCli("--program", Racy, "--explore", "40");
        CliResult second = RunCli("--program", Racy, "--explore", "40", "--seed", "1000");

        Assert.That(second.Stdout, Is.Not.EqualTo(first.Stdout));
    }

    [Test]
    public void Explore_RacyProgram_CountsWhatTheCoreProduces()
    {
        const int Seeds = 60;
        List<(string Text, string Fingerprint)> runs = [.. Enumerable.Range(0, Seeds).Select(seed =>
        {
            var options = new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random };
            (string text, Simulation sim) = RunNote(Racy, options);
            return (text, sim.Trace.Fingerprint);
        })];
        int outputs = runs.Select(r => r.Text).Distinct().Count();
        string[] fingerprints = [.. runs.Select(r => r.Fingerprint).Distinct()];

        CliResult result = RunCli("--program", Racy, "--explore", $"{Seeds}");

        string[] lines = Lines(result.Stdout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs, Is.EqualTo(2), "the race in get_html_interrupted gives two outputs over 60 seeds");
            Assert.That(lines[1], Is.EqualTo($"2 distinct outputs, {fingerprints.Length} distinct fingerprints"));
            Assert.That(lines.Where(l => l.StartsWith("fingerprint ", StringComparison.Ordinal)).Select(l => l[12..44]),
                Is.EquivalentTo(fingerprints));
            Assert.That(lines, Has.Some.StartsWith("output 1, the same as fifo: "));
            Assert.That(lines, Has.Some.StartsWith("output 2, 2 lines differ from fifo: "));
        }
    }

    [Test]
    public void Explore_OutputThatDiffers_ItsReplayLineReproducesIt()
    {
        CliResult explored = RunCli("--program", Racy, "--explore", "30");
        string replay = Lines(explored.Stdout).First(l => l.StartsWith("   replay: ", StringComparison.Ordinal));
        string[] args = replay.Split(" -- ", 2)[1].Split(' ');

        CliResult replayed = RunCli(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(args, Does.Contain("--seed").And.Contain("random"));
            Assert.That(ProgramBlock(replayed.Stdout, Racy)[^1],
                Is.EqualTo("-- 2 of these lines differ from fifo's order"));
        }
    }

    [Test]
    public void Explore_WithoutStrategy_ExploresUnderRandomFromSeedZero()
    {
        CliResult result = RunCli("--program", "cancel_me", "--explore", "5");

        Assert.That(Lines(result.Stdout)[0], Is.EqualTo("== cancel_me: 5 seeds (0..4) under random"));
    }

    [Test]
    public void Explore_FromSeedUnderPct_RunsThoseSeedsUnderPct()
    {
        CliResult result = RunCli("--program", "cancel_me", "--explore", "10", "--seed", "5", "--strategy", "pct");

        Assert.That(Lines(result.Stdout)[0], Is.EqualTo("== cancel_me: 10 seeds (5..14) under pct"));
    }

    [Test]
    public void Explore_UnderFifo_OneOutputAndOneFingerprint()
    {
        CliResult result = RunCli("--program", Racy, "--explore", "20", "--strategy", "fifo");

        string[] lines = Lines(result.Stdout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[1], Is.EqualTo("1 distinct output, 1 distinct fingerprint"));
            Assert.That(lines[2], Is.EqualTo("output 1, the same as fifo: 20 seeds: 0..19"));
            Assert.That(lines, Has.None.Contains(FifoDifferences.Marker));
        }
    }

    [Test]
    public void Explore_AllPrograms_EndsWithOneTableRowEach()
    {
        CliResult result = RunCli("--explore", "3");

        string[] lines = Lines(result.Stdout);
        int heading = Array.FindIndex(lines, l => l.StartsWith("program ", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[heading].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Is.EqualTo(TableHeadingWords));
            Assert.That(lines[(heading + 1)..].Select(l => l.Split(' ')[0]), Is.EqualTo(Note.Names.AsEnumerable()));
            Assert.That(lines[(heading + 1)..].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]),
                Has.All.EqualTo("3"));
        }
    }
}
