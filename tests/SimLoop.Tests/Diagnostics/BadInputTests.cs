using SimLoop.Tests.Support;

namespace SimLoop.Tests.Diagnostics;

public class BadInputTests
{
    [Test]
    public void SimMembers_OutsideASimulation_ThrowInvalidOperation_SayingWhere()
    {
        var calls = new (string Name, Action Call)[]
        {
            ("Sim.Current", () => _ = Sim.Current),
            ("Sim.CurrentTask", () => _ = Sim.CurrentTask),
            ("Sim.Clock", () => _ = Sim.Clock),
            ("Sim.Now", () => _ = Sim.Now),
            ("Sim.Elapsed", () => _ = Sim.Elapsed),
            ("Sim.Delay", () => Sim.Delay(TimeSpan.FromSeconds(1))),
            ("Sim.Yield", () => Sim.Yield()),
            ("Sim.Current", () => Sim.Spawn(() => Task.CompletedTask)),
            ("Sim.Current", () => _ = Sim.Random),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, call) in calls)
            {
                Assert.That(call, Throws.InvalidOperationException.With.Message.StartsWith(name + " is only available inside a running simulation"));
            }
        }
    }

    [Test]
    public void Delay_Negative_ThrowsNamingTheArgument_AtTheCall()
    {
        new Simulation().Run(() =>
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sim.Delay(TimeSpan.FromMilliseconds(-5)));
            Assert.That(error!.ParamName, Is.EqualTo("delay"));
            return Task.CompletedTask;
        });
    }

    [Test]
    public void Delay_Infinite_WaitsUntilCancelled()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask sleeper = Sim.Spawn(() => Sim.Delay(Timeout.InfiniteTimeSpan));
            sim.At(TimeSpan.FromDays(3), () => sleeper.Cancel());
            await Quietly.Finished(sleeper);
            Assert.That(sleeper.IsCancelled, Is.True);
        });
        Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromDays(3)));
    }

    [Test]
    public void Delay_Zero_StillYields()
    {
        var log = new List<string>();
        new Simulation().Run(async () =>
        {
            SimTask other = Sim.Spawn(() =>
            {
                log.Add("other");
                return Task.CompletedTask;
            });
            await Sim.Delay(TimeSpan.Zero);
            log.Add("main after zero delay");
            await other;
        });
        Assert.That(log, Is.EqualTo(new[] { "other", "main after zero delay" }));
    }

    [Test]
    public void Run_Twice_ThrowsSayingToCreateANewSimulation()
    {
        var sim = new Simulation();
        sim.Run(() => Task.CompletedTask);
        Assert.That(() => sim.Run(() => Task.CompletedTask),
            Throws.InvalidOperationException.With.Message.Contains("create a new Simulation"));
    }

    [Test]
    public void Run_Nested_OnTheSameThread_Throws()
    {
        var outer = new Simulation();
        outer.Run(() =>
        {
            Assert.That(() => new Simulation().Run(() => Task.CompletedTask),
                Throws.InvalidOperationException.With.Message.Contains("cannot nest"));
            return Task.CompletedTask;
        });
    }

    [Test]
    public void Run_NullMain_ThrowsArgumentNull()
    {
        var sim = new Simulation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sim.Run(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("main"));
            Assert.That(() => sim.Run<int>(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("main"));
        }
    }

    [Test]
    public void Spawn_NullBody_Throws_AndAfterTheRun_ThrowsInvalidOperation()
    {
        var sim = new Simulation();
        sim.Run(() => Task.CompletedTask);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sim.Spawn(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
            Assert.That(() => sim.Spawn(() => Task.CompletedTask), Throws.InvalidOperationException.With.Message.Contains("after the run ended"));
            Assert.That(() => sim.At(TimeSpan.Zero, () => { }), Throws.InvalidOperationException.With.Message.Contains("after the run ended"));
        }
    }

    [Test]
    public void At_NegativeTime_ThrowsNamingTheArgument()
    {
        Assert.That(() => new Simulation().At(TimeSpan.FromSeconds(-1), () => { }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("at"));
    }

    [Test]
    public void At_TimeAlreadyPast_RunsAtTheCurrentInstant()
    {
        var sim = new Simulation();
        TimeSpan? ranAt = null;
        sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(10));
            sim.At(TimeSpan.FromSeconds(2), () => ranAt = sim.Elapsed);
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });
        Assert.That(ranAt, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [TestCase(0L)]
    [TestCase(-3L)]
    public void Options_NonPositiveMaxSteps_ThrowsNamingTheOption(long maxSteps)
    {
        Assert.That(() => new Simulation(new SimulationOptions { MaxSteps = maxSteps }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("SimulationOptions.MaxSteps must be positive"));
    }

    [Test]
    public void Options_BadValues_ThrowNamingTheOption()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new Simulation(new SimulationOptions { MaxVirtualTime = TimeSpan.FromTicks(-1) }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxVirtualTime"));
            Assert.That(() => new Simulation(new SimulationOptions { Strategy = (ScheduleStrategy)9 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Strategy"));
            Assert.That(() => new Simulation(new SimulationOptions { TraceCapacity = -1 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("TraceCapacity"));
        }
    }

    [Test]
    public void Options_Defaults_AreTheContractsDefaults()
    {
        var options = new SimulationOptions();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Seed, Is.Zero);
            Assert.That(options.Strategy, Is.EqualTo(ScheduleStrategy.Fifo));
            Assert.That(options.StartTime, Is.EqualTo(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }

    [Test]
    public void Cancel_FromAnotherThreadDuringTheRun_ThrowsInvalidOperation()
    {
        var sim = new Simulation();
        Exception? fromThread = null;
        Assert.Throws<SimulationEscapeException>(() => sim.Run(async () =>
        {
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)));
            var thread = new Thread(() => fromThread = Record(() => worker.Cancel()));
            using (ExecutionContext.SuppressFlow())
            {
                thread.Start();
            }

            thread.Join();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }));
        Assert.That(fromThread, Is.TypeOf<InvalidOperationException>().With.Message.Contains("not the simulation's thread"));

        static Exception? Record(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (InvalidOperationException e)
            {
                return e;
            }
        }
    }
}
