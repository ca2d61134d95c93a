namespace SimLoop.Tests.Diagnostics;

// Values past the range of the virtual clock: the tick counter (TimeSpan.MaxValue ticks) and the calendar
// (DateTimeOffset.MaxValue). Each is refused at the call, naming the argument, instead of failing later in user code.
public class BadInputRangeTests
{
    private static readonly TimeSpan LongestFromOneSecond = TimeSpan.MaxValue - TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1);

    // Starts a wait without awaiting it: given a lambda that returns a Task, NUnit's Assert.That would wait for the
    // task on the loop's thread, which only the loop can complete.
    private static Action Starting(Func<Task> wait) => () => _ = wait();

    [Test]
    public void Options_StartTimeNearMaxValue_ThrowsNamingStartTimeAndMaxVirtualTime()
    {
        var options = new SimulationOptions { StartTime = DateTimeOffset.MaxValue.AddDays(-1) };

        Assert.That(() => new Simulation(options), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Message.Contains("SimulationOptions.StartTime (9999-12-30T23:59:59.9999999+00:00) plus SimulationOptions.MaxVirtualTime (365.00:00:00)")
            .And.Message.Contains("start at 9998-12-31T23:59:59.9999999+00:00 or earlier, or lower MaxVirtualTime to at most 1.00:00:00"));
    }

    [Test]
    public void Options_MaxVirtualTimeLongerThanTheCalendar_ThrowsNamingBoth()
    {
        Assert.That(() => new Simulation(new SimulationOptions { MaxVirtualTime = TimeSpan.MaxValue }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("SimulationOptions.StartTime")
                .And.Message.Contains("lower MaxVirtualTime to at most"));
    }

    [Test]
    public void Options_StartTimePlusMaxVirtualTimeEndingAtMaxValue_RunsToTheLastTick_ThenHitsTheLimit()
    {
        var sim = new Simulation(new SimulationOptions
        {
            StartTime = DateTimeOffset.MaxValue.AddDays(-1), MaxVirtualTime = TimeSpan.FromDays(1),
        });
        DateTimeOffset? lastNow = null;

        Assert.That(() => sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromDays(1));
            lastNow = Sim.Now;
            await Sim.Delay(TimeSpan.FromTicks(1));
        }), Throws.TypeOf<SimulationLimitException>());
        Assert.That(lastNow, Is.EqualTo(DateTimeOffset.MaxValue));
    }

    [Test]
    public void Delay_PastTheClocksRange_ThrowsNamingDelay_AtTheCall()
    {
        new Simulation().Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Starting(() => Sim.Delay(TimeSpan.MaxValue)), Throws.TypeOf<ArgumentOutOfRangeException>()
                    .With.Property("ParamName").EqualTo("delay").And.Message.Contains("Timeout.InfiniteTimeSpan"));
                Assert.That(Starting(() => Sim.Delay(LongestFromOneSecond + TimeSpan.FromTicks(1))),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("delay"));
                Assert.That(Starting(() => Sim.Delay(LongestFromOneSecond)), Throws.Nothing);
            }
        });
    }

    [Test]
    public void WaitFor_TimeoutPastTheClocksRange_ThrowsNamingTimeout_AtTheCall()
    {
        new Simulation().Run(async () =>
        {
            SimTask<int> task = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                return 7;
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Starting(() => Sim.WaitFor(task, TimeSpan.MaxValue)),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
                Assert.That(Starting(() => Sim.WaitFor((SimTask)task, LongestFromOneSecond + TimeSpan.FromTicks(1))),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
            }

            Assert.That(await Sim.WaitFor(task, LongestFromOneSecond), Is.EqualTo(7));
        });
    }

    [Test]
    public void At_MaxValue_ThrowsNamingAt_InsteadOfNeverRunning()
    {
        var sim = new Simulation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sim.At(TimeSpan.MaxValue, () => { }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("at"));
            Assert.That(() => sim.At(TimeSpan.MaxValue - TimeSpan.FromTicks(1), () => { }), Throws.Nothing);
        }
    }

    [Test]
    public void ClockTimer_DueTimePastTheClocksRange_ThrowsNamingDueTime_OnCreateAndChange()
    {
        new Simulation().Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            using ITimer timer = Sim.Clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => Sim.Clock.CreateTimer(_ => { }, null, TimeSpan.MaxValue, Timeout.InfiniteTimeSpan),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime"));
                Assert.That(() => timer.Change(LongestFromOneSecond + TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime"));
                Assert.That(timer.Change(LongestFromOneSecond, Timeout.InfiniteTimeSpan), Is.True);
            }
        });
    }

    [Test]
    public void ClockTimer_PeriodPastTheClocksRange_FiresOnce_AndTheRunGoesOn()
    {
        int fired = 0;
        var sim = new Simulation();
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.MaxValue);
            await Sim.Delay(TimeSpan.FromSeconds(5));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(1));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    private static IEnumerable<TestCaseData> NullArguments()
    {
        TestCaseData Case(string name, string parameter, Action call) => new TestCaseData(parameter, call).SetArgDisplayNames(name);
        yield return Case("Schedule(choices)", "choices", () => _ = new Schedule(null!, 0, ScheduleStrategy.Fifo));
        yield return Case("Schedule.Parse", "text", () => Schedule.Parse(null!));
        yield return Case("Schedule.Load", "path", () => Schedule.Load(null!));
        yield return Case("SimCancelledException(cause)", "cause", () => _ = new SimCancelledException((CancellationCause)null!));
        yield return Case("Simulation.CheckDeterminism", "main", () => Simulation.CheckDeterminism(null!));
        yield return Case("Simulation.CreateLogger", "categoryName", () => new Simulation().CreateLogger(null!));
        yield return Case("Simulation.At", "action", () => new Simulation().At(TimeSpan.Zero, null!));
        yield return Case("VirtualClock.CreateTimer", "callback", () => new Simulation().Clock.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
        yield return Case("ScheduleMinimizer.Minimize(main)", "main", () => ScheduleMinimizer.Minimize(null!, new Schedule([], 0, ScheduleStrategy.Fifo)));
        yield return Case("ScheduleMinimizer.Minimize(failing)", "failing", () => ScheduleMinimizer.Minimize(() => Task.CompletedTask, null!));
    }

    [TestCaseSource(nameof(NullArguments))]
    public void PublicEntryPoint_Null_ThrowsArgumentNull_NamingTheArgument(string parameter, Action call)
    {
        Assert.That(call, Throws.ArgumentNullException.With.Property("ParamName").EqualTo(parameter));
    }

    [Test]
    public void PublicEntryPoint_InsideARun_NullTask_ThrowsArgumentNull_NamingTheArgument()
    {
        new Simulation().Run(() =>
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Starting(() => Sim.WaitFor(null!, TimeSpan.Zero)), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
                Assert.That(Starting(() => Sim.WaitFor<int>(null!, TimeSpan.Zero)), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
                Assert.That(Starting(() => Sim.Shield(null!)), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
                Assert.That(Starting(() => Sim.Shield<int>(null!)), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
                Assert.That(() => Sim.CreateLogger(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("categoryName"));
                Assert.That(() => Sim.Spawn(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
                Assert.That(() => Sim.Spawn<int>(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
            }

            return Task.CompletedTask;
        });
    }

    [Test]
    public void Minimize_TooFewRuns_ThrowsNamingMaxRuns()
    {
        Assert.That(() => ScheduleMinimizer.Minimize(() => Task.CompletedTask, new Schedule([], 0, ScheduleStrategy.Fifo), maxRuns: 1),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxRuns"));
    }

    [Test]
    public void Trace_IndexOutsideTheKeptEntries_ThrowsNamingIndex()
    {
        var sim = new Simulation();
        sim.Run(() => Task.CompletedTask);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sim.Trace[-1], Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("index"));
            Assert.That(() => sim.Trace[sim.Trace.Count], Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("index"));
        }
    }
}
