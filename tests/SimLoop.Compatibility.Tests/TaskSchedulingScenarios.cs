namespace SimLoop.Compatibility.Tests;

// Work started as a Task: Task.Run always uses the thread pool (refused); Task.Factory.StartNew and ContinueWith take
// a TaskScheduler, and given sim.TaskScheduler (or TaskScheduler.FromCurrentSynchronizationContext()) run on the loop.
public class TaskSchedulingScenarios
{
    [Test]
    public void TaskRun_RejectedWithAMessageNamingSimSpawn()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            await Task.Run(() => print("ran"));
        });

        Assert.That(escapes, Has.All.Message.Contain("Task.Run").And.Message.Contain("Use Sim.Spawn"));
    }

    [Test]
    public void StartNewAndContinueWith_OnSimTaskScheduler_RunOnTheLoop()
    {
        DeterminismHarness.Check(async print =>
        {
            TaskScheduler scheduler = Sim.Current.TaskScheduler;
            Task<Task>[] started = [.. Enumerable.Range(0, 3).Select(i => Task.Factory.StartNew(async () =>
            {
                print($"t{i} started");
                await Task.Delay(TimeSpan.FromSeconds(1), Sim.Clock);
                print($"t{i} at {Sim.Elapsed}");
            }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler))];
            Task continued = Task.WhenAll(started.Select(t => t.Unwrap()))
                .ContinueWith(_ => print($"continued at {Sim.Elapsed}"), CancellationToken.None, TaskContinuationOptions.None, scheduler);
            await continued;
        }, run =>
        {
            Assert.That(run.Lines, Has.Count.EqualTo(7), run.Where);
            Assert.That(run.Lines[^1], Is.EqualTo("continued at 00:00:01"), run.Where);
            Assert.That(run.Lines.Take(3), Is.EquivalentTo(new[] { "t0 started", "t1 started", "t2 started" }), run.Where);
        });
    }
}
