namespace SimLoop.Boundary.Tests;

// A step's work item and another one pending under one pool id cannot be told apart, in whichever order they were
// queued: the run stops as a chance collision instead of letting one run in the other's place, and every runner runs
// the seed again, so a correct program passes. The pool's reports are stood in for by calling the guard's handlers
// with ids above the runtime's 26 bits of hash code, which no real work item has.
public class PoolIdCollisionTests
{
    private static int s_nextId = 0x4000_0000;

    [Test]
    public void AStepsItem_UnderTheIdOfForeignWorkNotYetTaken_StopsTheRunAsAChanceCollision()
    {
        int id = NextId();
        var item = new FixedHashWorkItem(id);
        Exception? failure = HardLimit.Run(async () =>
        {
            ThreadGuard.OnForeignEnqueue(id); // work queued outside the simulation, which no pool thread has taken yet
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
            await Sim.Yield();
            await Sim.Yield();
        });

        Assert.That(failure, Is.InstanceOf<SimulationEscapeException>()
            .With.Message.Contain("queued outside the simulation that no pool thread had taken yet")
            .And.Property(nameof(SimulationEscapeException.IsTransient)).True);
        Assert.That(failure!.Message, Does.Not.Contain("Keep the work under the loop"),
            "a chance collision is not the program's doing, so the message gives it no advice to change it");
    }

    [Test]
    public void AnItemNoReportAccountsFor_UnderAnIdTheRunTook_StopsTheRunAsAChanceCollision()
    {
        int id = NextId();
        var item = new FixedHashWorkItem(id);
        Exception? failure = HardLimit.Run(async () =>
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
            while (!item.Ran.IsSet)
            {
                await Sim.Yield();
            }

            ThreadGuard.OnDequeued(id); // a pool thread takes an item queued before SimLoop listened, under the same id
            await Sim.Yield();
        });

        Assert.That(item.RanInStepOf, Is.Not.Null, "the run's own item ran as its step");
        Assert.That(failure, Is.InstanceOf<SimulationEscapeException>()
            .With.Message.Contain("no report accounts for it")
            .And.Property(nameof(SimulationEscapeException.IsTransient)).True);
    }

    [Test]
    public void AnEscapeOfTheProgram_IsNotTransient()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            var started = new Thread(() => { }) { IsBackground = true };
            started.Start();
            started.Join();
            await Sim.Yield();
        });

        Assert.That(failure, Is.InstanceOf<SimulationEscapeException>()
            .With.Property(nameof(SimulationEscapeException.IsTransient)).False);
    }

    [Test]
    public void SimulationRunner_RunsASeedStoppedByAChanceCollisionAgain_AndPasses()
    {
        var program = new CollidesOnItsFirstRun();
        Exception? failure = HardLimit.Run(() => SimulationRunner.Check(program.Run, new SeedRunOptions { Seeds = 1, MaxDegreeOfParallelism = 1 }));
        int runs = program.Runs;

        Assert.That(failure, Is.Null, "the seed's second run has no collision, and its outcome is the seed's");
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public void SimulationRunner_ReportsACollisionThatRepeatsOnEveryRun()
    {
        int runs = 0;
        Exception? failure = HardLimit.Run(() => SimulationRunner.Check(async () =>
        {
            Interlocked.Increment(ref runs);
            int id = NextId();
            ThreadGuard.OnForeignEnqueue(id);
            ThreadPool.UnsafeQueueUserWorkItem(new FixedHashWorkItem(id), preferLocal: false);
            await Sim.Yield();
        }, new SeedRunOptions { Seeds = 1, MaxDegreeOfParallelism = 1 }));

        Assert.That(failure, Is.InstanceOf<SeedFailureException>().With.Message.Contain("had the same id"));
        Assert.That(runs, Is.GreaterThanOrEqualTo(3), "three runs of the seed before it is reported");
    }

    [Test]
    public void CheckDeterminism_RunsARunStoppedByAChanceCollisionAgain_RatherThanCallTheProgramNondeterministic()
    {
        var program = new CollidesOnItsFirstRun();
        Exception? failure = HardLimit.Run(() => Simulation.CheckDeterminism(program.Run, new SimulationOptions { MaxStepWallTime = HardLimit.StepLimit }));
        int runs = program.Runs;

        Assert.That(failure, Is.Null);
        Assert.That(runs, Is.EqualTo(3), "the stopped run, its second try, and the run it is compared with");
    }

    private static int NextId() => Interlocked.Increment(ref s_nextId);

    // A program whose first run meets foreign work under its item's id, and whose later runs do not.
    private sealed class CollidesOnItsFirstRun
    {
        private int _runs;

        public int Runs => _runs;

        public async Task Run()
        {
            int id = NextId();
            if (Interlocked.Increment(ref _runs) == 1)
            {
                ThreadGuard.OnForeignEnqueue(id);
            }

            ThreadPool.UnsafeQueueUserWorkItem(new FixedHashWorkItem(id), preferLocal: false);
            await Sim.Yield();
            await Sim.Yield();
        }
    }
}
