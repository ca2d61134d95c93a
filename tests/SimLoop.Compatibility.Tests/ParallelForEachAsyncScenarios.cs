namespace SimLoop.Compatibility.Tests;

// Parallel.ForEachAsync on the default scheduler queues its workers to the thread pool as plain work items (not
// Tasks), each running under the captured ExecutionContext, so the core runs every worker's steps on the loop's
// turn. Its default degree of parallelism is Environment.ProcessorCount, which differs between machines: a run
// that must replay anywhere sets MaxDegreeOfParallelism. Given sim.TaskScheduler it starts its workers with
// Task.Factory.StartNew there, but caps them at the scheduler's MaximumConcurrencyLevel, which is 1.
public class ParallelForEachAsyncScenarios
{
    private static Func<Action<string>, Task> FourItems(bool simTaskScheduler) => async print =>
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        if (simTaskScheduler)
        {
            options.TaskScheduler = Sim.Current.TaskScheduler;
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, 4), options, async (item, token) =>
        {
            print($"start {item}");
            await Task.Delay(TimeSpan.FromSeconds(item % 2 + 1), Sim.Clock, token).ConfigureAwait(false);
            await Task.Yield();
            print($"end {item}");
        });
        print($"all done at {Sim.Elapsed}");
    };

    // Every item once, never more than two in flight, and two in flight at some point: the degree is honoured.
    private static void AssertTwoAtATime(ScenarioRun run)
    {
        Assert.That(run.Lines.Where(l => l.StartsWith("start", StringComparison.Ordinal)).Select(l => l[6..]),
            Is.EquivalentTo(new[] { "0", "1", "2", "3" }), run.Where);
        Assert.That(run.Lines.Count(l => l.StartsWith("end", StringComparison.Ordinal)), Is.EqualTo(4), run.Where);
        Assert.That(run.Lines[^1], Is.EqualTo("all done at 00:00:04"), run.Where);
        int running = 0;
        int most = 0;
        foreach (string line in run.Lines.SkipLast(1))
        {
            running += line.StartsWith("start", StringComparison.Ordinal) ? 1 : -1;
            most = Math.Max(most, running);
        }

        Assert.That(most, Is.EqualTo(2), $"{run.Where}: {run.Output}");
    }

    [Test]
    public void DefaultScheduler_FixedDegree_WorkersRunAsLoopSteps_EachItemOnce()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(FourItems(simTaskScheduler: false), AssertTwoAtATime);

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "the workers should have been queued to the pool");
    }

    [Test]
    public void SimTaskScheduler_FixedDegree_TwoItemsInFlight()
    {
        DeterminismHarness.Check(FourItems(simTaskScheduler: true), AssertTwoAtATime);
    }
}
