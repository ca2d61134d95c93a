namespace SimLoop.Tests.Scheduling;

public class ThreadGuardTests
{
    [Test]
    public void TaskRun_Awaited_FailsTheRunWithAnEscape_NamingTaskRun()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            await Task.Run(() => 1);
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("Task.Run"));
            Assert.That(error.Message, Does.Contain("Sim.Spawn"));
        }
    }

    [Test]
    public void ConfigureAwaitFalse_ReleasedByAnotherTasksStep_FailsTheRunWithAnEscape()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            var gate = new TaskCompletionSource();
            SimTask waiter = Sim.Spawn(async () =>
            {
                await gate.Task.ConfigureAwait(false);
            });
            await Sim.Yield();
            gate.SetResult();
            await waiter;
        }));

        Assert.That(error!.Message, Does.Contain("ConfigureAwait(false)"));
    }

    [Test]
    public void ForeignThread_PostingToTheLoop_FailsTheRun()
    {
        var sim = new Simulation();
        Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            SynchronizationContext context = SynchronizationContext.Current!;
            var thread = new Thread(() => context.Post(_ => { }, null));
            using (ExecutionContext.SuppressFlow())
            {
                thread.Start();
            }

            thread.Join();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));
    }

    [Test]
    public void LoopOnlyCode_NeverReportsAnEscape()
    {
        var sim = new Simulation();
        Assert.DoesNotThrow(() => sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(1);
            await semaphore.WaitAsync();
            semaphore.Release();
            await Task.Yield();
            await Task.Delay(TimeSpan.FromSeconds(1), sim.Clock).ConfigureAwait(false);
        }));
    }

    [Test]
    public void TaskYield_AfterConfigureAwaitFalse_RunsWithNoContext_AndIsReportedAsAnEscape()
    {
        // After a ConfigureAwait(false) the code has no SynchronizationContext, as in any .NET app; a Task.Yield
        // there goes to the thread pool. Keeping such code on the loop is later work; until then it is reported.
        var sim = new Simulation();
        Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), sim.Clock).ConfigureAwait(false);
            await Task.Yield();
        }));
    }
}
