using SimLoop.Examples.Cli;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// The examples program run in-process as `dotnet run --project src/SimLoop.Examples` would run it: what each
// option prints, checked against CPython's golden lines and against the notes run directly under the core.
[TestFixture]
public sealed class ExamplesCliTests
{
    private const string CauseHeading = "-- who cancelled b's request to c? SimLoop's cancellation cause chain:";
    // What the trace recorded: the network cancelled b's handler task, then c's, each cause naming the request that was
    // aborted and, at its end, a's timeout.
    private static readonly string[] RequestChainCauses =
    [
        "   task 'b: GET /quote' cancelled at 00:00:01.02 by the simulation: the request GET http://b/quote from a was " +
            "aborted at 00:00:01.01: a's timeout of 1 s",
        "   task 'c: GET /price' cancelled at 00:00:01.03 by the simulation: the request GET http://c/price from b was " +
            "aborted at 00:00:01.02: task 'b: GET /quote' cancelled at 00:00:01.02 by the simulation: the request GET " +
            "http://b/quote from a was aborted at 00:00:01.01: a's timeout of 1 s",
    ];
    private static readonly string[] NotesInOrder =
        ["get_html", "get_html_interrupted", "cancel_me", "print_sum", "request_chain"];

    [Test]
    public void Run_NoOptions_PrintsEveryProgramInTheNotesOrderAndExitsZero()
    {
        CliResult result = RunCli();

        string[] headings = [.. Lines(result.Stdout).Where(l => l.StartsWith("== ", StringComparison.Ordinal))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(headings.Select(h => h[3..h.IndexOf(':', StringComparison.Ordinal)]), Is.EqualTo(NotesInOrder));
        }
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Run_NoOptions_EachProgramsBlockIsItsGoldenLines(string name)
    {
        CliResult result = RunCli();

        string[] expected = name == "request_chain"
            ? [.. GoldenLines(name), CauseHeading, .. RequestChainCauses]
            : GoldenLines(name);
        Assert.That(ProgramBlock(result.Stdout, name), Is.EqualTo(expected).AsCollection);
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Run_OneProgram_PrintsOnlyItsBlockAndItsSummaryRow(string name)
    {
        CliResult result = RunCli("--program", name);

        string[] lines = Lines(result.Stdout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(lines.Count(l => l.StartsWith("== ", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(ProgramBlock(result.Stdout, name)[..GoldenLines(name).Length], Is.EqualTo(GoldenLines(name)));
            Assert.That(lines[^1], Does.StartWith(name + " "), "the summary's only row");
            Assert.That(result.Stdout, Does.Not.Contain("total"));
        }
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Run_NoOptions_SummaryRowIsTheCoresAccountOfTheRun(string name)
    {
        (_, Simulation sim) = RunNote(name);

        CliResult result = RunCli();

        string row = Lines(result.Stdout).Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        string[] cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(cells, Is.EqualTo(new[]
        {
            name, VirtualTime(name), "1.00", "ms", $"{sim.Steps}", sim.Trace.Fingerprint, "same",
        }));
    }

    [Test]
    public void Run_NoOptions_SummaryTotalsTenAndAHalfVirtualSeconds()
    {
        CliResult result = RunCli();

        string total = Lines(result.Stdout).Single(l => l.StartsWith("total ", StringComparison.Ordinal));
        string[] expected = ["total", "00:00:10.52", "5.00", "ms"]; // 4 + 2.5 + 1 + 1 + 2.02 s; 1 ms per program
        Assert.That(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4], Is.EqualTo(expected));
    }

    [Test]
    public void Run_RequestChain_EndsWithTheCauseChainAfterItsReferenceLines()
    {
        CliResult result = RunCli("--program", "request_chain");

        string[] block = ProgramBlock(result.Stdout, "request_chain");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(block[..^3], Is.EqualTo(GoldenLines("request_chain")));
            Assert.That(block[^3..], Is.EqualTo((string[])[CauseHeading, .. RequestChainCauses]));
        }
    }

    [TestCase("cancel_me")]
    [TestCase("get_html")]
    public void Run_ProgramWithoutACauseQuestion_PrintsNoCauseChain(string name)
    {
        CliResult result = RunCli("--program", name);

        Assert.That(result.Stdout, Does.Not.Contain("cause chain"));
    }

    [Test]
    public void Run_SeedWhoseOrderDiffers_MarksTheLinesThatDifferFromFifo()
    {
        long seed = FirstRandomSeed(differs: true);

        CliResult result = RunCli("--program", "get_html_interrupted", "--strategy", "random", "--seed", $"{seed}");

        string[] block = ProgramBlock(result.Stdout, "get_html_interrupted");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Does.Contain($"== get_html_interrupted (random, seed {seed}):"));
            Assert.That(block, Has.Some.Match("^finally 4s +<-- fifo printed \"finally 3s\" here$"));
            Assert.That(block, Has.Some.Match("^finally 3s +<-- fifo printed \"finally 4s\" here$"));
            Assert.That(block[^1], Is.EqualTo("-- 2 of these lines differ from fifo's order"));
            Assert.That(Lines(result.Stdout)[^1], Does.EndWith("differs"), "the summary's CPython column");
        }
    }

    [Test]
    public void Run_SeedWhoseOrderIsFifos_MarksNoLine()
    {
        long seed = FirstRandomSeed(differs: false);

        CliResult result = RunCli("--program", "get_html_interrupted", "--strategy", "random", "--seed", $"{seed}");

        string[] block = ProgramBlock(result.Stdout, "get_html_interrupted");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(block[..^1], Is.EqualTo(GoldenLines("get_html_interrupted")));
            Assert.That(block[^1], Is.EqualTo("-- the same lines as under fifo"));
            Assert.That(Lines(result.Stdout)[^1], Does.EndWith("same"));
        }
    }

    [TestCase("RANDOM")]
    [TestCase("Pct")]
    [TestCase("fifo")]
    public void Run_StrategyInAnyCase_IsAccepted(string strategy)
    {
        CliResult result = RunCli("--program", "print_sum", "--strategy", strategy);

        Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success), result.Stderr);
    }

    [Test]
    public void Run_PortfolioStrategy_RunsTheSeedsMemberAndNamesIt()
    {
        CliResult result = RunCli("--program", "print_sum", "--strategy", "portfolio", "--seed", "4");

        Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("== print_sum (portfolio, seed 4):"));
    }

    private static string VirtualTime(string name) => name switch
    {
        "get_html" => "00:00:04",
        "get_html_interrupted" => "00:00:02.5",
        "request_chain" => "00:00:02.02", // the abort reaches c at 1.03 s; the user waits 1 s after its answer
        _ => "00:00:01",
    };

    // The oracle is the core itself: the first seed under Random whose output does (or does not) differ from CPython's.
    private static long FirstRandomSeed(bool differs)
    {
        string[] golden = GoldenLines("get_html_interrupted");
        return Enumerable.Range(0, 100).First(seed =>
        {
            var options = new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random };
            return Lines(RunNote("get_html_interrupted", options).Text).SequenceEqual(golden) != differs;
        });
    }
}
