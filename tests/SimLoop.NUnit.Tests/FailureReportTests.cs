using Microsoft.Extensions.Logging;

// The bodies log as a user's first test does, with the extension methods rather than [LoggerMessage].
#pragma warning disable CA1848, CA1873

namespace SimLoop.Seeds.Tests;

// The report of a failing seed, through SimulationRunner.Check: its trace, its log lines from a re-run with logging
// on (and no logging at all on passing seeds), its cancellation causes, the note when the re-run differs, and the
// timeline seam.
public class FailureReportTests
{
    private static int s_calls;

    private static SeedRunOptions Options(int seeds = 3, Func<LogCapture>? capture = null) => new()
    {
        Seeds = seeds,
        Strategy = ScheduleStrategy.Random,
        TestName = "OrderTests.Order_is_placed",
        MaxDegreeOfParallelism = 1,
        Progress = TextWriter.Null,
        Environment = DemoPrograms.NoEnvironment,
        NewLogCapture = capture ?? (static () => new LogCapture()),
    };

    [Test]
    public void Check_FailingSeed_ReportsTheLastTraceEntriesWithTaskAndVirtualTime()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));
        string block = FirstBlock(e.Message);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(block, Does.Match(@"\n  Trace, last \d+ of \d+ entries \(#step, virtual time, task, what happened\):\n    #1 00:00:00 'main' "));
            Assert.That(block, Does.Match(@"\n    #\d+ 00:00:02 'main' TimerFired"));
            Assert.That(block, Does.Match(@"\n    #\d+ 00:00:02 'main' CancellationRequested: task 'call' cancelled at 00:00:02 by 'main'"));
            Assert.That(block, Does.Match(@"\n    #\d+ 00:00:02 'call' TaskFinished: cancelled"));
            Assert.That(block, Does.Not.Contain("0000000"), "virtual time in one format, trimmed");
        }
    }

    [Test]
    public void Check_LongRun_ShowsOnlyTheLastTwentyEntries()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(LongThenFail, Options()));
        string[] trace = TraceLines(FirstBlock(e.Message));

        Assert.That(trace, Has.Length.EqualTo(SeedExecution.LastStepsMax));
        Assert.That(FirstBlock(e.Message), Does.Match(@"Trace, last 20 of (\d{3}) entries"));
    }

    [Test]
    public void Check_TraceCapacityZero_SaysNoTraceWasKept()
    {
        SeedRunOptions options = Options() with { Simulation = new SimulationOptions { TraceCapacity = 0 } };

        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, options));

        Assert.That(FirstBlock(e.Message), Does.Contain("\n  Trace: none kept (SimulationOptions.TraceCapacity is 0)."));
    }

    [Test]
    public void Check_FailingSeed_ReportsItsLogLinesInVirtualTime()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(LoggingThenFail, Options()));
        string block = FirstBlock(e.Message);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(block, Does.Match(@"\n  Log of seed 0 \(run again with logging on\), \d+ lines:\n"));
            Assert.That(block, Does.Match(@"\n    \[00:00:00 #1 'main'\] info Orders: placing order 7\n"));
            Assert.That(block, Does.Match(@"\n    \[00:00:01\.5 #\d+ 'main'\] warn SimLoop\.Seeds\.Tests\.FailureReportTests: payment of order 7 refused\n"));
            Assert.That(block, Does.Contain("\n    [00:00:00 #0] info SimLoop: run started (seed 0, strategy Random)\n"));
            Assert.That(block, Does.Not.Contain("Step ").And.Not.Contain("0000000"), "SimLoop's own lines in the report's format");
        }
    }

    [Test]
    public void Check_BodyThatDoesNotLog_SaysHowToLog()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));

        Assert.That(FirstBlock(e.Message), Does.Match(@"Log of seed 0 \(run again with logging on\), \d+ lines:").Or.Contain("no lines."));
        Assert.That(FirstBlock(e.Message), Does.Not.Contain("'main'] info").And.Not.Contain("Orders"));
    }

    [Test]
    public void Check_PassingSeeds_CaptureNoLogs()
    {
        var captures = new List<LogCapture>();
        LogCapture Capture()
        {
            var capture = new LogCapture();
            captures.Add(capture);
            return capture;
        }

        SimulationRunner.Check(static async () =>
        {
            Sim.CreateLogger("Orders").LogInformation("placing an order");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }, Options(seeds: 20, capture: Capture));

        Assert.That(captures, Is.Empty, "no seed failed, so no seed ran with logging on");
    }

    [Test]
    public void Check_FailingSeed_CapturesLogsOnlyInItsReRun()
    {
        var captures = new List<LogCapture>();
        LogCapture Capture()
        {
            var capture = new LogCapture();
            captures.Add(capture);
            return capture;
        }

        Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(LoggingThenFail, Options(seeds: 20, capture: Capture)));

        Assert.That(captures, Has.Count.EqualTo(1), "one re-run, of the first failing seed, out of 20 failing seeds");
        Assert.That(captures[0].Factory.LoggersCreated, Is.GreaterThan(0));
    }

    [Test]
    public void Check_CancelledThroughAChain_ReportsTheCauseChain()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(CancelledChain, Options()));

        Assert.That(FirstBlock(e.Message), Does.Contain(
            "\n  Cancellation: task 'c' cancelled at 00:00:03 by 'b': 'b' was cancelled while awaiting it" +
            " <- task 'b' cancelled at 00:00:03 by 'a': 'a' was cancelled while awaiting it" +
            " <- task 'a' cancelled at 00:00:03 by 'main': the caller gave up\n  Replay: "));
        Assert.That(FirstBlock(e.Message).Split("\n"), Has.One.StartsWith("  Cancellation: "), "the shorter chains are part of the longest");
    }

    [Test]
    public void Check_TimeoutInWaitFor_ReportsTheTimeoutCause()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));

        Assert.That(FirstBlock(e.Message), Does.Contain("\n  Cancellation: task 'call' cancelled at 00:00:02 by 'main': timeout of 2 s"));
    }

    [Test]
    public void Check_SeedFailingOnlyTheFirstTime_SaysTheReRunDiffers()
    {
        Interlocked.Exchange(ref s_calls, 0);

        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(FailsOnFirstCall, Options(seeds: 1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Message, Does.Contain(
                "\n\nRe-run differs: seed 0 failed, but passed when SimLoop ran it again with logging on (one seed, on one thread)."));
            Assert.That(FirstBlock(e.Message), Does.Contain("Log of seed 0 (run again with logging on, which did not fail the same way (see below))"));
        }
    }

    [Test]
    public void Check_DeterministicFailure_SaysNothingAboutTheReRun()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options(seeds: 1)));

        Assert.That(e.Message, Does.Not.Contain("differ").And.Not.Contain("State shared"));
    }

    [Test]
    public void Check_TimelineWriterPlugged_ReportsItsPathAndGetsTheFailedReRun()
    {
        string path = Path.Combine(Path.GetTempPath(), $"simloop-timeline-{Guid.NewGuid():N}.html");
        var seen = new List<(long Seed, string Exception, int Trace)>();
        try
        {
            SeedFailureException e;
            using (FailureTimeline.Use((sim, failure) =>
            {
                seen.Add((sim.Seed, failure.GetType().Name, sim.Trace.Count));
                File.WriteAllText(path, "<html/>");
                return path;
            }))
            {
                e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));
            }

            Assert.That(FirstBlock(e.Message), Does.EndWith("\n  Timeline: " + path));
            Assert.That(seen, Is.EqualTo(new[] { (0L, nameof(TimeoutException), seen[0].Trace) }), "once, for the re-run of the first failing seed");
            Assert.That(seen[0].Trace, Is.GreaterThan(0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Check_DefaultTimelineWriter_WritesThePictureOfTheFailingSeedToTheWorkDirectory()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));

        System.Text.RegularExpressions.Match line = System.Text.RegularExpressions.Regex.Match(e.Message, @"Timeline: (.+\.html)");
        Assert.That(line.Success, Is.True, e.Message);
        string path = line.Groups[1].Value;
        Assert.That(path, Does.StartWith(Path.Combine(TestContext.CurrentContext.WorkDirectory, "simloop-timelines")));
        Assert.That(File.ReadAllText(path), Does.Contain("<svg").And.Contain("seed 0"));
    }

    [Test]
    public void Check_SeveralFailingSeeds_OnlyTheFirstBlockHasDetails()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options()));
        string[] blocks = e.Message.Split("\n\n");

        Assert.That(blocks, Has.Length.EqualTo(4));
        Assert.That(blocks[1], Does.Contain("\n  Trace, last "));
        Assert.That(blocks[2], Does.Not.Contain("Trace").And.EndWith("dotnet test --filter \"FullyQualifiedName~OrderTests.Order_is_placed\""));
    }

    private static async Task LoggingThenFail()
    {
        Sim.CreateLogger("Orders").LogInformation("placing order {Order}", 7);
        await Sim.Delay(TimeSpan.FromSeconds(1.5));
        ILogger<FailureReportTests> logger = new Logger<FailureReportTests>(Sim.Current.CreateLoggerFactory());
        logger.LogWarning("payment of order {Order} refused", 7);
        throw new InvalidOperationException("order 7 was not placed");
    }

    private static async Task LongThenFail()
    {
        for (int i = 0; i < 200; i++)
        {
            await Sim.Yield();
        }

        throw new InvalidOperationException("too long");
    }

    // main gives up on a, which awaits b, which awaits c: the cancellation travels a -> b -> c.
    private static async Task CancelledChain()
    {
        SimTask a = Sim.Spawn(async () =>
        {
            SimTask b = Sim.Spawn(async () =>
            {
                SimTask c = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "c");
                await c;
            }, "b");
            await b;
        }, "a");
        await Sim.Delay(TimeSpan.FromSeconds(3));
        a.Cancel("the caller gave up");
        await a;
    }

    private static async Task FailsOnFirstCall()
    {
        await Sim.Yield();
        if (Interlocked.Increment(ref s_calls) == 1)
        {
            throw new InvalidOperationException("first call");
        }
    }

    private static string FirstBlock(string message) => message.Split("\n\n")[1];

    private static string[] TraceLines(string block) =>
        [.. block.Split("\n").SkipWhile(l => !l.StartsWith("  Trace", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("    #", StringComparison.Ordinal))];
}
