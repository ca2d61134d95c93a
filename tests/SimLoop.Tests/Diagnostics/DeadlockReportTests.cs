namespace SimLoop.Tests.Diagnostics;

// A deadlock report names where each blocked task is suspended: the chain of async methods down to the await it
// is stuck at, and what that await waits for.
public class DeadlockReportTests
{
    [Test]
    public void Deadlock_LockOrder_NamesTheMethodAndTheSemaphoreEachTaskWaitsFor()
    {
        var error = Assert.Throws<SimulationDeadlockException>(() => new Simulation().Run(async () =>
        {
            using var first = new SemaphoreSlim(1);
            using var second = new SemaphoreSlim(1);
            SimTask a = Sim.Spawn(() => TakeBothAsync(first, second), "a");
            SimTask b = Sim.Spawn(() => TakeBothAsync(second, first), "b");
            await a;
            await b;
        }));

        string[] lines = error!.Message.Split('\n');
        Assert.That(lines, Has.Some.Contains("task 2 'a': ").And.Contains(
            "suspended in DeadlockReportTests.TakeBothAsync() > DeadlockReportTests.TakeInnerAsync(), awaiting SemaphoreSlim.TaskNode"));
        Assert.That(lines, Has.Some.Contains("task 3 'b': ").And.Contains("DeadlockReportTests.TakeInnerAsync()"));
        Assert.That(lines, Has.Some.Contains("task 1 'main': awaiting task 'a'"));
    }

    [Test]
    public void Deadlock_TaskCompletionSourceNobodyCompletes_IsNamedAsSuch()
    {
        var error = Assert.Throws<SimulationDeadlockException>(() => new Simulation().Run(async () =>
        {
            var never = new TaskCompletionSource();
            await Sim.Spawn(async () => await never.Task, "waiter");
        }));

        Assert.That(error!.Message, Does.Contain("task 2 'waiter': ").And.Contain(
            "suspended in DeadlockReportTests.Deadlock_TaskCompletionSourceNobodyCompletes_IsNamedAsSuch() (lambda), " +
            "awaiting a Task nothing has completed"));
    }

    [Test]
    public void Deadlock_Report_NumbersTasksInWordsNotWithTheStepSign()
    {
        var error = Assert.Throws<SimulationDeadlockException>(() => new Simulation().Run(
            () => new TaskCompletionSource().Task));

        Assert.That(error!.Message, Does.Contain("Deadlock at step 1,").And.Contain("task 1 'main'"));
        Assert.That(error.Message, Does.Not.Contain("#1"));
    }

    private static async Task TakeBothAsync(SemaphoreSlim outer, SemaphoreSlim inner)
    {
        await outer.WaitAsync();
        await Sim.Yield();
        await TakeInnerAsync(inner);
        outer.Release();
    }

    private static async Task TakeInnerAsync(SemaphoreSlim inner)
    {
        await inner.WaitAsync();
        inner.Release();
    }
}
