namespace SimLoop.Tests.Diagnostics;

public class RunEndingTests
{
    [Test]
    public void PendingTasks_WhenMainFinishes_AreCancelledAndDrained_TheirFinallyRuns()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Run(async () =>
        {
            _ = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                }
                catch (SimCancelledException e)
                {
                    log.Add(e.Cause!.Reason);
                    throw;
                }
                finally
                {
                    log.Add("background finally");
                }
            }, "background");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            log.Add("main done");
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "main done", "the run is ending: main finished", "background finally" }));
            Assert.That(sim.Tasks, Is.Empty);
        }
    }

    [Test]
    public void FaultedTask_NobodyAwaited_MakesRunThrow_NamingTheTask()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationException>(() => sim.Run(async () =>
        {
            _ = Sim.Spawn(async () =>
            {
                await Sim.Yield();
                throw new InvalidOperationException("lost");
            }, "forgotten");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.GetType(), Is.EqualTo(typeof(SimulationException)));
            Assert.That(error.InnerException, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("lost"));
            Assert.That(error.Message, Does.Contain("'forgotten'"));
        }
    }

    [Test]
    public void FaultedTask_ThatWasAwaited_IsNotReportedAgain()
    {
        var sim = new Simulation();
        Assert.DoesNotThrow(() => sim.Run(async () =>
        {
            SimTask task = Sim.Spawn(() => throw new InvalidOperationException("seen"));
            try
            {
                await task;
            }
            catch (InvalidOperationException)
            {
            }
        }));
    }

    [Test]
    public void MainThrows_AndAnotherTaskFaultedUnobserved_MainsExceptionWins()
    {
        var sim = new Simulation();
        Assert.Throws<FormatException>(() => sim.Run(async () =>
        {
            _ = Sim.Spawn(() => throw new InvalidOperationException("also lost"));
            await Sim.Yield();
            await Sim.Yield();
            throw new FormatException("main");
        }));
    }

    [Test]
    public void Deadlock_NamesEveryBlockedTask_AndWhatItWaitsFor()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationDeadlockException>(() => sim.Run(async () =>
        {
            var never = new TaskCompletionSource();
            SimTask stuck = Sim.Spawn(() => never.Task, "stuck");
            await stuck;
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.BlockedTasks.Select(t => t.Name), Is.EqualTo(new[] { "main", "stuck" }));
            Assert.That(error.Message, Does.Contain("task 1 'main': awaiting task 'stuck'"));
            Assert.That(error.Message, Does.Contain("task 2 'stuck': blocked in an await SimLoop cannot see"));
        }
    }

    [Test]
    public void NoDeadlock_WhenATimerIsStillPending()
    {
        var sim = new Simulation();
        Assert.DoesNotThrow(() => sim.Run(() => Sim.Delay(TimeSpan.FromDays(30))));
        Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromDays(30)));
    }

    [Test]
    public void MaxSteps_Passed_ThrowsLimit_NamingTheLimit()
    {
        var sim = new Simulation(new SimulationOptions { MaxSteps = 1000 });
        var error = Assert.Throws<SimulationLimitException>(() => sim.Run(async () =>
        {
            while (true)
            {
                await Sim.Yield();
            }
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("MaxSteps (1000)"));
            Assert.That(sim.Steps, Is.EqualTo(1000));
        }
    }

    [Test]
    public void MaxVirtualTime_Passed_ThrowsLimit_BeforeTheClockPassesIt()
    {
        var sim = new Simulation(new SimulationOptions { MaxVirtualTime = TimeSpan.FromHours(1) });
        var error = Assert.Throws<SimulationLimitException>(() => sim.Run(async () =>
        {
            while (true)
            {
                await Sim.Delay(TimeSpan.FromMinutes(7));
            }
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("MaxVirtualTime (3600 s)"));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(56)));
        }
    }

    [Test]
    public void TaskThatIgnoresCancellation_AtTheEnd_IsReportedInsteadOfHanging()
    {
        var sim = new Simulation();
        var error = Assert.Throws<SimulationDeadlockException>(() => sim.Run(async () =>
        {
            var never = new TaskCompletionSource();
            _ = Sim.Spawn(() => never.Task, "leaked");
            await Sim.Yield();
        }));

        Assert.That(error!.BlockedTasks.Select(t => t.Name), Is.EqualTo(new[] { "leaked" }));
    }
}
