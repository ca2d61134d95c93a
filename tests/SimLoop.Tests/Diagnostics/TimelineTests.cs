using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using SimLoop.Tests.Support;

#pragma warning disable CA1848, CA1873 // these tests log the way user code does, through the extension methods

namespace SimLoop.Tests.Diagnostics;

// The timeline page, read back as a person's tools would: its SVG parsed with System.Xml.Linq, its lanes, edges and
// marks found by their class and data-* attributes, and their visible text checked (the picture must read without
// hovering).
public sealed class TimelineTests
{
    [Test]
    public void WriteTimeline_SpawnedTasks_HaveALaneEachByName()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask left = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "left");
            SimTask right = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(2)), "right");
            await left;
            await right;
        });

        XElement svg = Svg(Html(sim));

        Assert.That(Attributes(Groups(svg, "lane"), "data-task"), Is.EqualTo(new[] { "main", "left", "right" }));
    }

    [Test]
    public void WriteTimeline_NestedSpawns_DrawOneSpawnEdgeFromEachSpawnerToEachSpawnedTask()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask parent = Sim.Spawn(async () => await Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "child"),
                "parent");
            SimTask sibling = Sim.Spawn(() => Task.CompletedTask, "sibling");
            await parent;
            await sibling;
        });

        XElement svg = Svg(Html(sim));

        Assert.That(Groups(svg, "spawn").Select(g => $"{g.Attribute("data-from")?.Value}->{g.Attribute("data-to")?.Value}"),
            Is.EquivalentTo(new[] { "main->parent", "parent->child", "main->sibling" }));
    }

    [Test]
    public void WriteTimeline_NoSpawn_DrawsNoSpawnEdge()
    {
        var sim = new Simulation();
        sim.Run(() => Sim.Delay(TimeSpan.FromSeconds(1)));

        Assert.That(Groups(Svg(Html(sim)), "spawn"), Is.Empty);
    }

    [Test]
    public void WriteTimeline_Cancellation_IsAnEdgeFromRequesterToTaskLabelledWithWhoWhenWhy()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "worker");
            await Sim.Delay(TimeSpan.FromSeconds(3));
            worker.Cancel("enough");
            await Quietly.Finished(worker);
        });

        XElement edge = Groups(Svg(Html(sim)), "cancellation").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edge.Attribute("data-from")?.Value, Is.EqualTo("main"));
            Assert.That(edge.Attribute("data-to")?.Value, Is.EqualTo("worker"));
            Assert.That(edge.Element("text")?.Value, Is.EqualTo("1. cancelled by 'main' at 00:00:03: enough"));
            Assert.That(edge.Element("title")?.Value, Does.StartWith("task 'worker' cancelled at 00:00:03 by 'main': enough"));
            Assert.That(edge.Element("path"), Is.Not.Null);
        }
    }

    [Test]
    public void WriteTimeline_CancellationPassedOn_IsOneEdgePerRequestInOrderCarryingItsChain()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask outer = Sim.Spawn(async () => await Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "inner"),
                "outer");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            outer.Cancel("stop");
            await Quietly.Finished(outer);
        });

        XElement[] edges = [.. Groups(Svg(Html(sim)), "cancellation")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edges.Select(e => $"{e.Attribute("data-from")?.Value}->{e.Attribute("data-to")?.Value}"),
                Is.EqualTo(new[] { "main->outer", "outer->inner" }));
            Assert.That(edges[1].Element("text")?.Value,
                Is.EqualTo("2. cancelled by 'outer' at 00:00:01: 'outer' was cancelled while awaiting it"));
            Assert.That(edges[1].Element("title")?.Value, Does.Contain(" <- task 'outer' cancelled at 00:00:01 by 'main': stop"));
        }
    }

    [Test]
    public void WriteTimeline_RunWithoutCancellation_DrawsNoCancellationEdge()
    {
        var sim = new Simulation();
        sim.Run(async () => await Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "worker"));

        Assert.That(Groups(Svg(Html(sim)), "cancellation"), Is.Empty);
    }

    [Test]
    public void WriteTimeline_WithFailure_MarksItOnTheTaskThatFaulted()
    {
        var sim = new Simulation();
        var failure = Assert.Throws<InvalidOperationException>(() => sim.Run(async () =>
        {
            await Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                throw new InvalidOperationException("the balance went negative");
            }, "transfer");
        }));

        XElement mark = Groups(Svg(Html(sim, failure)), "failure").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mark.Attribute("data-task")?.Value, Is.EqualTo("transfer"));
            Assert.That(mark.Elements("text").Last().Value,
                Is.EqualTo("failed: InvalidOperationException: the balance went negative"));
        }
    }

    [Test]
    public void WriteTimeline_WithoutFailure_HasNoFailureMark()
    {
        var sim = new Simulation();
        Assert.Throws<InvalidOperationException>(() => sim.Run(() => throw new InvalidOperationException("boom")));

        string html = Html(sim);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Groups(Svg(html), "failure"), Is.Empty);
            Assert.That(html, Does.Not.Contain("The run failed"));
        }
    }

    [Test]
    public void WriteTimeline_AnyRun_IsSelfContained()
    {
        var sim = new Simulation(new SimulationOptions { CaptureLogs = true });
        sim.Run(async () =>
        {
            sim.CreateLogger("Links").LogInformation("<script>alert('a log line')</script>");
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "<script>worker");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            worker.Cancel();
            await Quietly.Finished(worker);
        });

        string html = Html(sim, new InvalidOperationException("<script>alert(1)</script>"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("http:").And.Not.Contain("https:"));
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Contain("src=").And.Not.Contain("href=").And.Not.Contain("@import"));
            Assert.That(html.Split("url(").Skip(1), Has.All.StartWith("#"));
        }
    }

    [Test]
    public void WriteTimeline_CapturedLogs_AreMarkedOnTheLaneOfTheTaskThatLogged()
    {
        var sim = new Simulation(new SimulationOptions { CaptureLogs = true });
        sim.Run(async () =>
        {
            ILogger logger = sim.CreateLogger("Payments");
            await Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                logger.LogWarning("retrying {Attempt}", 2);
            }, "payer");
        });

        XElement log = Groups(Svg(Html(sim)), "log").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Attribute("data-task")?.Value, Is.EqualTo("payer"));
            Assert.That(log.Element("title")?.Value, Is.EqualTo("log 1 [00:00:02 #4 'payer'] Warning Payments: retrying 2"));
        }
    }

    [Test]
    public void WriteTimeline_LogsNotCaptured_HasNoLogMarks()
    {
        var sim = new Simulation();
        sim.Run(() =>
        {
            sim.CreateLogger("Payments").LogWarning("retrying");
            return Task.CompletedTask;
        });

        string html = Html(sim);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Groups(Svg(html), "log"), Is.Empty);
            Assert.That(html, Does.Contain("set SimulationOptions.CaptureLogs"));
        }
    }

    [Test]
    public void CaptureLogs_On_LeavesTheRunAsItWas()
    {
        static async Task Program()
        {
            ILogger logger = Sim.CreateLogger("Program");
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "worker");
            logger.LogInformation("spawned");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            worker.Cancel("enough");
            await Quietly.Finished(worker);
        }

        var plain = new Simulation();
        plain.Run(Program);
        var captured = new Simulation(new SimulationOptions { CaptureLogs = true });
        captured.Run(Program);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(captured.Trace.Fingerprint, Is.EqualTo(plain.Trace.Fingerprint));
            Assert.That(captured.Trace.Select(e => e.ToString()), Is.EqualTo(plain.Trace.Select(e => e.ToString())));
            Assert.That(captured.LogCapture!.Lines.Select(l => l.Message), Is.EqualTo(new[] { "spawned" }));
        }
    }

    [Test]
    public void WriteTimeline_ManyStepsAtOneInstant_EachStepHasAColumnOfItsOwn()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            for (int i = 0; i < 40; i++)
            {
                await Sim.Yield();
            }
        });

        XElement[] marks = [.. Groups(Svg(Html(sim)), "step")];
        double[] xs = [.. marks.Select(m => double.Parse(m.Element("rect")!.Attribute("x")!.Value, CultureInfo.InvariantCulture))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.Zero));
            Assert.That(marks, Has.Length.EqualTo(sim.Steps));
            Assert.That(xs, Is.Ordered.Ascending.And.Unique);
            Assert.That(xs.Zip(xs.Skip(1), (a, b) => b - a), Has.All.GreaterThanOrEqualTo(14));
        }
    }

    [Test]
    public void WriteTimeline_ToAFile_WritesTheSamePage()
    {
        var sim = new Simulation();
        sim.Run(async () => await Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "worker"));
        string path = Path.Combine(Path.GetTempPath(), $"simloop-timeline-{Guid.NewGuid():N}.html");
        try
        {
            sim.WriteTimeline(path);

            Assert.That(File.ReadAllText(path), Is.EqualTo(Html(sim)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WriteTimeline_WhileRunning_Throws()
    {
        var sim = new Simulation();
        InvalidOperationException? error = null;
        sim.Run(() =>
        {
            error = Assert.Throws<InvalidOperationException>(() => sim.WriteTimeline(TextWriter.Null));
            return Task.CompletedTask;
        });

        Assert.That(error!.Message, Does.Contain("after its run"));
    }

    internal static string Html(Simulation sim, Exception? failure = null)
    {
        using var writer = new StringWriter();
        sim.WriteTimeline(writer, failure);
        return writer.ToString();
    }

    internal static XElement Svg(string html)
    {
        int start = html.IndexOf("<svg", StringComparison.Ordinal);
        int end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "the page holds one <svg>");
        return XElement.Parse(html[start..end]);
    }

    internal static IEnumerable<XElement> Groups(XElement svg, string kind) =>
        svg.Descendants("g").Where(g => g.Attribute("class")?.Value == kind);

    private static IEnumerable<string?> Attributes(IEnumerable<XElement> elements, string name) =>
        elements.Select(e => e.Attribute(name)?.Value);
}
