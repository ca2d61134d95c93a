using Microsoft.Extensions.Time.Testing;

namespace SimLoop.Seeds.Tests;

public class ProgressReporterTests
{
    [Test]
    public void Tick_BeforeTheInterval_WritesNothing()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, clock, "T.M", 1000, TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(9));
        progress.Tick(100, 0);

        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public void Tick_AfterEachInterval_WritesOnePlainLine()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, clock, "TransferTests.Move", 10000, TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Tick(4000, 1);
        progress.Tick(4100, 1);
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Tick(8000, 2);

        Assert.That(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "SimLoop TransferTests.Move: 4000/10000 seeds, 1 failed, 400 seeds/s",
            "SimLoop TransferTests.Move: 8000/10000 seeds, 2 failed, 400 seeds/s",
        }));
        Assert.That(output.ToString().Where(c => char.IsControl(c) && c != '\n' && c != '\r' || c == '\r' && Environment.NewLine != "\r\n"),
            Is.Empty, "no carriage returns or escape codes in a CI log");
    }

    [Test]
    public void Tick_AllDone_LeavesTheLastWordToTheSummary()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var progress = new ProgressReporter(output, clock, "T.M", 10, TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Tick(10, 0);

        Assert.That(output.ToString(), Is.Empty);
    }
}
