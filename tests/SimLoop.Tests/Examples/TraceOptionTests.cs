using System.Text.RegularExpressions;
using SimLoop.Examples.Cli;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// --trace lists every step with its virtual time, task and event, and shows each printed line under the step that
// printed it: cancellation is seen travelling from the innermost await outwards within one step.
[TestFixture]
public sealed partial class TraceOptionTests
{
    private static readonly string[] HandlersInnermostFirst =
        ["> cancel_me()2: cancel sleep", "> cancel_me(): cancel sleep", "> cancel_me(): after sleep"];

    [Test]
    public void Trace_CancelMe_HandlersPrintInnermostFirstUnderTheDeliveryStep()
    {
        CliResult result = RunCli("--program", "cancel_me", "--trace");

        string[] block = ProgramBlock(result.Stdout, "cancel_me");
        int delivery = Array.FindIndex(block, l => StepLine().IsMatch(l) && l.Contains("CancellationDelivered",
            StringComparison.Ordinal));
        Assert.That(delivery, Is.GreaterThan(0), string.Join('\n', block));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(block[delivery], Does.Contain("00:00:01").And.Contain("cancel_me"));
            Assert.That(block[(delivery + 1)..(delivery + 4)].Select(l => l.Trim()),
                Is.EqualTo(HandlersInnermostFirst));
        }
    }

    [Test]
    public void Trace_CancelMe_NothingIsPrintedUnderTheStepThatRequestsTheCancellation()
    {
        CliResult result = RunCli("--program", "cancel_me", "--trace");

        string[] block = ProgramBlock(result.Stdout, "cancel_me");
        int request = Array.FindIndex(block, l => l.Contains("CancellationRequested", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(block[request], Does.Contain("by 'main': Cancel() was called"));
            Assert.That(block[request + 1], Does.Match(StepLine()), "the next step follows at once");
        }
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Trace_AnyProgram_ListsEveryStepOnceAndEveryPrintedLineInOrder(string name)
    {
        (string text, Simulation sim) = RunNote(name);

        CliResult result = RunCli("--program", name, "--trace");

        string[] block = ProgramBlock(result.Stdout, name);
        string[] steps = [.. block.Where(l => StepLine().IsMatch(l)).Select(l => l.Split(' ')[0])];
        string[] printed = [.. block.Where(l => l.TrimStart().StartsWith("> ", StringComparison.Ordinal))
            .Select(l => l.TrimStart()[2..])];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(steps, Is.EqualTo(Enumerable.Range(1, (int)sim.Steps).Select(s => $"#{s}")));
            Assert.That(printed, Is.EqualTo(Lines(text)));
        }
    }

    [Test]
    public void Trace_RequestChain_ShowsAsTimeoutCancellingBsHandler()
    {
        CliResult result = RunCli("--program", "request_chain", "--trace");

        Assert.That(ProgramBlock(result.Stdout, "request_chain"), Has.Some.Match(
            @"^ +00:00:01\.02 +- +CancellationRequested: task 'b: GET /quote' cancelled at 00:00:01\.02 by the simulation: " +
            @"the request GET http://b/quote from a was aborted at 00:00:01\.01: a's timeout of 1 s$"));
    }

    [Test]
    public void Run_WithoutTrace_ListsNoStep()
    {
        CliResult result = RunCli("--program", "cancel_me");

        Assert.That(Lines(result.Stdout), Has.None.Match(StepLine()));
    }

    [GeneratedRegex(@"^#\d+ ")]
    private static partial Regex StepLine();
}
