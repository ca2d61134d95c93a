namespace SimLoop.Tests.Clock;

public class VirtualTimerTests
{
    private static readonly TimeSpan Never = Timeout.InfiniteTimeSpan;

    [Test]
    public void CreateTimer_NegativeDueTime_IsRejected_NamingIt() =>
        Assert.That(() => new Simulation().Clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Never),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime")
                .And.Message.Contains("dueTime must be zero or positive, or Timeout.InfiniteTimeSpan for never; it was -00:00:02."));

    [Test]
    public void CreateTimer_NegativePeriod_IsRejected_NamingIt() =>
        Assert.That(() => new Simulation().Clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(-2)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));

    [Test]
    public void CreateTimer_DueAtTheEndOfTime_IsRejected_SayingTheLimit() =>
        Assert.That(() => new Simulation().Clock.CreateTimer(_ => { }, null, TimeSpan.MaxValue, Never),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime")
                .And.Message.Contains("would be due at or past TimeSpan.MaxValue, the most virtual time the clock can count; it must be less than "
                    + TimeSpan.MaxValue + ", or Timeout.InfiniteTimeSpan for never."));

    [Test]
    public void Change_BadArguments_AreRejected_NamingThem()
    {
        using ITimer timer = new Simulation().Clock.CreateTimer(_ => { }, null, Never, Never);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => timer.Change(TimeSpan.FromSeconds(-1), Never), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime"));
            Assert.That(() => timer.Change(TimeSpan.Zero, TimeSpan.FromSeconds(-1)), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));
        }
    }

    [Test]
    public void CreateTimer_FromAnotherThreadDuringTheRun_FailsTheRun_NamingIt()
    {
        var sim = new Simulation();

        Assert.That(() => sim.Run(async () =>
        {
            var other = new Thread(() =>
            {
                try
                {
                    sim.Clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Never).Dispose();
                }
                catch (Exception)
                {
                    // The run reports it: the test checks the run's failure.
                }
            });
            other.UnsafeStart();   // no ExecutionContext: a stranger to the run, not work it started
            other.Join();
            await Sim.Yield();
        }), Throws.TypeOf<SimulationEscapeException>().With.Message.Contains("VirtualClock.CreateTimer was called from thread"));
    }

    [Test]
    public void Change_ByATimerFiringAtTheSameInstant_MovesTheOtherOut_OfThatInstant()
    {
        // Both are due at 1 s; the first, firing, moves the second to 5 s: the second must not fire at 1 s as well.
        var fired = new List<(string, TimeSpan)>();
        var sim = new Simulation();
        sim.Run(async () =>
        {
            ITimer? second = null;
            using ITimer first = Sim.Clock.CreateTimer(_ =>
            {
                fired.Add(("first", Sim.Elapsed));
                second!.Change(TimeSpan.FromSeconds(4), Never);
            }, null, TimeSpan.FromSeconds(1), Never);
            second = Sim.Clock.CreateTimer(_ => fired.Add(("second", Sim.Elapsed)), null, TimeSpan.FromSeconds(1), Never);
            await Sim.Delay(TimeSpan.FromSeconds(10));
            second.Dispose();
        });

        Assert.That(fired, Is.EqualTo(new[] { ("first", TimeSpan.FromSeconds(1)), ("second", TimeSpan.FromSeconds(5)) }));
    }

    [Test]
    public void OneShotTimer_AfterFiring_CanBeStartedAgain()
    {
        var fired = new List<TimeSpan>();
        new Simulation().Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired.Add(Sim.Elapsed), null, TimeSpan.FromSeconds(1), Never);
            await Sim.Delay(TimeSpan.FromSeconds(2));
            timer.Change(TimeSpan.FromSeconds(1), Never);
            await Sim.Delay(TimeSpan.FromSeconds(2));
        });

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) }));
    }
}
