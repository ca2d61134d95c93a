using System.Xml.Linq;
using SimLoop.Examples.Cli;
using SimLoop.Tests.Diagnostics;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// --timeline FILE draws the run as an HTML page; for the request chain it must show who cancelled whom: a's timeout
// aborting b's handler, and b's abort reaching c's, each edge labelled with its cause.
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
    public void Timeline_RequestChain_ShowsTheAbortTravellingFromBsHandlerToCsWithItsCause()
    {
        string path = Path.Combine(_folder, "request_chain.html");

        CliResult result = RunCli("--program", "request_chain", "--timeline", path);

        XElement svg = TimelineTests.Svg(File.ReadAllText(path));
        XElement[] edges = [.. TimelineTests.Groups(svg, "cancellation")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(TimelineTests.Groups(svg, "lane").Select(l => l.Attribute("data-task")?.Value), Is.SupersetOf(new[]
            {
                "main", "a: start", "b: start", "c: start", "a: GET /order", "b: GET /quote", "c: GET /price",
            }));
            Assert.That(edges.Select(e => $"{e.Attribute("data-from")?.Value}->{e.Attribute("data-to")?.Value}"),
                Is.EqualTo(new[] { "(simulation)->b: GET /quote", "(simulation)->c: GET /price" }));
            Assert.That(edges.Select(e => e.Element("text")?.Value), Is.EqualTo(new[]
            {
                "1. cancelled by the simulation at 00:00:01.02: the request GET http://b/quote from a was …",
                "2. cancelled by the simulation at 00:00:01.03: the request GET http://c/price from b was …",
            }));
        }
    }

    [Test]
    public void Timeline_RequestChain_ShowsThePrintedLinesAsLogMarksOnTheirTasks()
    {
        string path = Path.Combine(_folder, "request_chain.html");

        RunCli("--program", "request_chain", "--timeline", path);

        // The services' own lines, among ASP.NET Core's logs (request started, endpoint executed, ...) on the same lanes.
        XElement svg = TimelineTests.Svg(File.ReadAllText(path));
        Assert.That(TimelineTests.Groups(svg, "log")
            .Where(l => l.Element("title")?.Value.Contains("request_chain: ", StringComparison.Ordinal) == true)
            .Select(l => l.Attribute("data-task")?.Value), Is.EqualTo((string[])
            [
                "a: GET /order", .. Enumerable.Repeat("b: GET /quote", 6), "main", .. Enumerable.Repeat("c: GET /price", 6),
            ]));
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
