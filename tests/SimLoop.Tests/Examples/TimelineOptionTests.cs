using System.Xml.Linq;
using SimLoop.Examples.Cli;
using SimLoop.Tests.Diagnostics;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// --timeline FILE draws the run as an HTML page; for the request chain it must show who cancelled whom: main's
// timeout cancelling b, and b passing it on to c, each edge labelled with its cause.
[TestFixture]
public sealed class TimelineOptionTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() =>
        _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"simloop-{Guid.NewGuid():N}")).FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Timeline_RequestChain_ShowsTheCancellationTravellingFromMainToBToCWithItsCause()
    {
        string path = Path.Combine(_folder, "request_chain.html");

        CliResult result = RunCli("--program", "request_chain", "--timeline", path);

        XElement svg = TimelineTests.Svg(File.ReadAllText(path));
        XElement[] edges = [.. TimelineTests.Groups(svg, "cancellation")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(TimelineTests.Groups(svg, "lane").Select(l => l.Attribute("data-task")?.Value),
                Is.EqualTo(new[] { "main", "b", "c" }));
            Assert.That(edges.Select(e => $"{e.Attribute("data-from")?.Value}->{e.Attribute("data-to")?.Value}"),
                Is.EqualTo(new[] { "main->b", "b->c" }));
            Assert.That(edges.Select(e => e.Element("text")?.Value), Is.EqualTo(new[]
            {
                "1. cancelled by 'main' at 00:00:01: timeout of 1 s in WaitFor",
                "2. cancelled by 'b' at 00:00:01: 'b' was cancelled while awaiting it",
            }));
        }
    }

    [Test]
    public void Timeline_RequestChain_ShowsThePrintedLinesAsLogMarksOnTheirTasks()
    {
        string path = Path.Combine(_folder, "request_chain.html");

        RunCli("--program", "request_chain", "--timeline", path);

        XElement svg = TimelineTests.Svg(File.ReadAllText(path));
        Assert.That(TimelineTests.Groups(svg, "log").Select(l => l.Attribute("data-task")?.Value),
            Is.EqualTo(new[] { "c", "b", "b", "b", "main" }));
    }

    [Test]
    public void Timeline_RequestChain_PrintsTheSameLinesAndSaysWhereThePictureIs()
    {
        string path = Path.Combine(_folder, "request_chain.html");

        CliResult result = RunCli("--program", "request_chain", "--timeline", path);

        string[] block = ProgramBlock(result.Stdout, "request_chain");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(block.Take(GoldenLines("request_chain").Length), Is.EqualTo(GoldenLines("request_chain")));
            Assert.That(block[^1], Is.EqualTo("-- timeline: " + path));
        }
    }

    [Test]
    public void Timeline_EveryProgram_WritesOneFileEachNamedAfterIt()
    {
        string path = Path.Combine(_folder, "t.html");

        CliResult result = RunCli("--timeline", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName),
                Is.EquivalentTo(NoteNames.Select(n => $"t.{n}.html")));
        }
    }

    [Test]
    public void Run_WithoutTimeline_WritesNoFile()
    {
        CliResult result = RunCli("--program", "cancel_me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Does.Not.Contain("-- timeline"));
            Assert.That(Directory.GetFiles(_folder), Is.Empty);
        }
    }

    [Test]
    public void Timeline_WithExplore_IsAUsageError()
    {
        CliResult result = RunCli("--timeline", Path.Combine(_folder, "t.html"), "--explore", "3");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.UsageError));
            Assert.That(result.Stderr, Does.Contain("--timeline draws one run and --explore runs many"));
        }
    }
}
