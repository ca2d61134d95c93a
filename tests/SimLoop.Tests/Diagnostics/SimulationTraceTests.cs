namespace SimLoop.Tests.Diagnostics;

public class SimulationTraceTests
{
    private static Simulation Run(long seed, ScheduleStrategy strategy = ScheduleStrategy.Random, int traceCapacity = 10_000)
    {
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = strategy, TraceCapacity = traceCapacity });
        sim.Run(async () =>
        {
            SimTask[] tasks = [.. Enumerable.Range(0, 3).Select(i => Sim.Spawn(async () =>
            {
                for (int step = 0; step < 4; step++)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(Sim.Random.Next(0, 3)));
                }
            }, "worker" + i))];
            foreach (SimTask task in tasks)
            {
                await task;
            }
        });
        return sim;
    }

    [Test]
    public void Fingerprint_SameSeed_EqualOverTenRuns()
    {
        Assert.That(Enumerable.Range(0, 10).Select(_ => Run(42).Trace.Fingerprint).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Fingerprint_DifferentSeeds_Differ()
    {
        Assert.That(Enumerable.Range(0, 20).Select(seed => Run(seed).Trace.Fingerprint).Distinct().Count(), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void Fingerprint_DoesNotDependOnHowManyEntriesAreKept()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run(5, traceCapacity: 0).Trace.Fingerprint, Is.EqualTo(Run(5).Trace.Fingerprint));
            Assert.That(Run(5, traceCapacity: 0).Trace, Is.Empty);
        }
    }

    [Test]
    public void Entries_RecordEveryStep_InOrder_WithVirtualTimeAndTask()
    {
        Simulation sim = Run(1, ScheduleStrategy.Fifo);
        var steps = sim.Trace.Where(e => e.Kind is not (TraceEventKind.TaskFinished or TraceEventKind.CancellationRequested)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Select(e => e.Step), Is.EqualTo(Enumerable.Range(1, (int)sim.Steps).Select(i => (long)i)));
            Assert.That(steps.Select(e => e.Elapsed), Is.Ordered);
            Assert.That(steps[0], Has.Property("Kind").EqualTo(TraceEventKind.TaskStarted).And.Property("TaskName").EqualTo("main"));
            Assert.That(sim.Trace.Count(e => e.Kind == TraceEventKind.TaskFinished), Is.EqualTo(4));
            Assert.That(sim.Trace.TotalCount, Is.EqualTo(sim.Trace.Count));
        }
    }

    [Test]
    public void Capacity_KeepsTheMostRecentEntries_AndCountsAll()
    {
        Simulation full = Run(3);
        Simulation kept = Run(3, traceCapacity: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept.Trace, Has.Count.EqualTo(5));
            Assert.That(kept.Trace.TotalCount, Is.EqualTo(full.Trace.TotalCount));
            Assert.That(kept.Trace, Is.EqualTo(full.Trace.Skip(full.Trace.Count - 5)));
        }
    }

    [Test]
    public void Entry_ToString_ShowsStepTimeTaskAndKind()
    {
        var entry = new TraceEntry(12, TimeSpan.FromSeconds(1), 2, "b", TraceEventKind.Continuation, 1, 3, null);
        Assert.That(entry.ToString(), Is.EqualTo("#12 00:00:01 'b' Continuation (chose 2 of 3)"));
    }
}
