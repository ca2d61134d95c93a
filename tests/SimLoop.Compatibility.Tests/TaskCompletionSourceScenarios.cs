namespace SimLoop.Compatibility.Tests;

// TaskCompletionSource created with and without RunContinuationsAsynchronously, awaited with and without
// ConfigureAwait(false), completed by result, exception and cancellation. Without the option, SetResult would run a
// context-free continuation inline, but not on the loop thread (it has a SynchronizationContext), so .NET queues it
// to the pool; with it, every continuation is queued. Either way the core makes it a step of the loop.
public class TaskCompletionSourceScenarios
{
    private static Func<Action<string>, Task> SetByAnotherTask(TaskCreationOptions options) => async print =>
    {
        var source = new TaskCompletionSource<int>(options);
        SimTask captured = Sim.Spawn(async () => print($"captured got {await source.Task}"), "captured");
        SimTask free = Sim.Spawn(async () => print($"free got {await source.Task.ConfigureAwait(false)}"), "free");
        SimTask setter = Sim.Spawn(async () =>
        {
            await Sim.Yield();
            source.SetResult(42);
            print("setter set");
            await Task.Yield();
            print("setter after yield");
        }, "setter");
        await captured;
        await free;
        await setter;
    };

    private static void AssertBothGotTheResult(ScenarioRun run)
    {
        Assert.That(run.Lines, Is.EquivalentTo(new[] { "captured got 42", "free got 42", "setter set", "setter after yield" }), run.Where);
        Assert.That(run.Lines[0], Is.EqualTo("setter set"), $"{run.Where}: nothing ran inside SetResult");
    }

    [Test]
    public void DefaultOptions_SetResult_BothAwaitersResumeAsLoopSteps()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(SetByAnotherTask(TaskCreationOptions.None), AssertBothGotTheResult);

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "the ConfigureAwait(false) awaiter should have hopped to the pool");
    }

    [Test]
    public void RunContinuationsAsynchronously_SetResult_BothAwaitersResumeAsLoopSteps()
    {
        DeterminismHarness.Check(SetByAnotherTask(TaskCreationOptions.RunContinuationsAsynchronously), AssertBothGotTheResult);
    }

    [TestCase(TaskCreationOptions.None)]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void ExceptionAndCancellation_ReachTheAwaiters(TaskCreationOptions options)
    {
        DeterminismHarness.Check(async print =>
        {
            var failing = new TaskCompletionSource(options);
            var cancelled = new TaskCompletionSource(options);
            SimTask[] awaiters = [.. new[] { failing, cancelled }.Select((source, i) => Sim.Spawn(async () =>
            {
                try
                {
                    await source.Task.ConfigureAwait(i == 0);
                }
                catch (Exception exception)
                {
                    print($"a{i} saw {exception.GetType().Name}");
                }
            }, $"a{i}"))];
            await Sim.Delay(TimeSpan.FromSeconds(1));
            failing.SetException(new InvalidOperationException("boom"));
            cancelled.SetCanceled();
            foreach (SimTask awaiter in awaiters)
            {
                await awaiter;
            }
        }, run => Assert.That(run.Lines, Is.EquivalentTo(new[] { "a0 saw InvalidOperationException", "a1 saw TaskCanceledException" }), run.Where));
    }
}
