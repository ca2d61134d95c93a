namespace SimLoop.Compatibility.Tests;

// Work started as a Task. Task.Run (and StartNew / ContinueWith on the default scheduler) queue the Task to the thread
// pool: the pool thread that takes it runs it, and every continuation it runs inline afterwards, as one loop step.
// Given sim.TaskScheduler (or TaskScheduler.FromCurrentSynchronizationContext()) they run on the loop thread itself.
public class TaskSchedulingScenarios
{
    [Test]
    public void TaskRun_ThreeBodiesWithVirtualDelays_RunAsLoopSteps_ResultsAtExactTimes()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(async print =>
        {
            Task<int>[] bodies = [.. Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
            {
                print($"t{i} started");
                await Task.Delay(TimeSpan.FromSeconds(i + 1), Sim.Clock);
                print($"t{i} at {Sim.Elapsed}");
                return i + 1;
            }))];
            int[] results = await Task.WhenAll(bodies);
            print($"sum {results.Sum()} at {Sim.Elapsed}");
        }, run =>
        {
            Assert.That(run.Lines.Take(3), Is.EquivalentTo(new[] { "t0 started", "t1 started", "t2 started" }), run.Where);
            Assert.That(run.Lines.Skip(3), Is.EqualTo(new[] { "t0 at 00:00:01", "t1 at 00:00:02", "t2 at 00:00:03", "sum 6 at 00:00:03" }), run.Where);
        });

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "Task.Run should have sent its bodies to the pool");
    }

    // A synchronous body and the awaiting task's ContinueWith on the default scheduler: the continuation runs inline
    // after the body, in the same step, so it sees exactly what the body did.
    [Test]
    public void TaskRun_SynchronousBodies_AndContinueWithOnTheDefaultScheduler_EachBodyOnceBeforeItsContinuation()
    {
        DeterminismHarness.Check(async print =>
        {
            int shared = 0;
            Task[] chains = [.. Enumerable.Range(0, 3).Select(i => Task.Run(() =>
            {
                int seen = shared;
                shared = seen + 1; // not atomic: only safe because nothing runs beside it
                print($"body {i}");
            }).ContinueWith(_ => print($"after {i}"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))];
            await Task.WhenAll(chains);
            print($"shared {shared}");
        }, run =>
        {
            Assert.That(run.Lines[^1], Is.EqualTo("shared 3"), run.Where);
            for (int i = 0; i < 3; i++)
            {
                Assert.That(run.Lines.ToList().IndexOf($"body {i}"), Is.LessThan(run.Lines.ToList().IndexOf($"after {i}")), run.Where);
            }
        });
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
