namespace SimLoop.Tests.Diagnostics;

public class DeterminismCheckTests
{
    [Test]
    public void DeterministicProgram_Passes()
    {
        Assert.DoesNotThrow(() => Simulation.CheckDeterminism(async () =>
        {
            SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromMilliseconds(Sim.Random.Next(1, 5))), "a");
            SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromMilliseconds(Sim.Random.Next(1, 5))), "b");
            await a;
            await b;
        }, new SimulationOptions { Seed = 8, Strategy = ScheduleStrategy.Random }));
    }

    [Test]
    public void ProgramThatBranchesOnOutsideState_FailsAtTheFirstDifferingStep_ShowingBothSides()
    {
        int runs = 0;
        var error = Assert.Throws<SimulationNondeterminismException>(() => Simulation.CheckDeterminism(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            if (++runs == 2)
            {
                await Sim.Yield(); // only the second run takes this extra step: as DateTime.Now or Random.Shared would
            }

            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));

        using (Assert.EnterMultipleScope())
        {
            // Steps 1-3 are alike (main starts, its timer fires, it resumes at 1 s); then run 1 waits for its next
            // timer (at 2 s) while run 2 takes its extra step at once.
            Assert.That(error!.Message, Does.Contain("differ at step 4:"));
            Assert.That(error.Message, Does.Contain("run 1: at 00:00:02 a timer of task 'main' fired   [#4 00:00:02 'main' TimerFired]"));
            Assert.That(error.Message, Does.Contain("run 2: at 00:00:01 task 'main' resumed after an await   [#4 00:00:01 'main' Continuation]"));
        }
    }

    [Test]
    public void DifferentOutcome_IsReportedAtTheStepWhereTheTaskFinished()
    {
        int runs = 0;
        var error = Assert.Throws<SimulationNondeterminismException>(() => Simulation.CheckDeterminism(async () =>
        {
            await Sim.Yield();
            throw new InvalidOperationException($"run {++runs}");
        }));

        Assert.That(error!.Message, Does.Contain("differ at step 2:")
            .And.Contain("run 1: at 00:00:00 task 'main' finished (faulted with InvalidOperationException: run 1)")
            .And.Contain("run 2: at 00:00:00 task 'main' finished (faulted with InvalidOperationException: run 2)"));
    }

    [Test]
    public void DeterministicFailure_IsRethrownAsTheProgramThrewIt()
    {
        Assert.Throws<FormatException>(() => Simulation.CheckDeterminism(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            throw new FormatException("the same every time");
        }));
    }
}
