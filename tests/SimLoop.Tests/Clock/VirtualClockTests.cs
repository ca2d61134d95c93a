namespace SimLoop.Tests.Clock;

public class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void GetUtcNow_BeforeRun_IsStartTime()
    {
        var sim = new Simulation(new SimulationOptions { StartTime = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Clock.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2024, 5, 6, 5, 8, 9, TimeSpan.Zero)));
            Assert.That(sim.Clock.GetUtcNow().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(sim.Now, Is.EqualTo(sim.Clock.GetUtcNow()));
        }
    }

    [Test]
    public void GetUtcNow_DefaultStart_Is2000()
    {
        Assert.That(new Simulation().Clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public void GetUtcNow_AfterDelay_MovesByExactlyTheDelay()
    {
        var sim = new Simulation();
        var seen = new List<DateTimeOffset>();
        sim.Run(async () =>
        {
            seen.Add(Sim.Now);
            await Sim.Delay(TimeSpan.FromTicks(12_345_678_901));
            seen.Add(Sim.Now);
        });

        Assert.That(seen, Is.EqualTo(new[] { Start, Start.AddTicks(12_345_678_901) }));
    }

    [Test]
    public void GetTimestamp_MeasuresVirtualTimeInTicks()
    {
        var sim = new Simulation();
        TimeSpan measured = sim.Run(async () =>
        {
            long before = Sim.Clock.GetTimestamp();
            await Sim.Delay(TimeSpan.FromMilliseconds(1500));
            return Sim.Clock.GetElapsedTime(before);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Clock.TimestampFrequency, Is.EqualTo(TimeSpan.TicksPerSecond));
            Assert.That(measured, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        }
    }

    [Test]
    public void LocalTimeZone_IsUtc_WhateverTheMachine()
    {
        Assert.That(new Simulation().Clock.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
    }

    [Test]
    public void CreateTimer_OneShot_FiresOnceAtItsDueTime()
    {
        var sim = new Simulation();
        var fired = new List<TimeSpan>();
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired.Add(Sim.Elapsed), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(10));
        });

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public void CreateTimer_ZeroPeriod_FiresOnce()
    {
        var sim = new Simulation();
        int fired = 0;
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.Zero);
            await Sim.Delay(TimeSpan.FromSeconds(10));
        });

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public void CreateTimer_Periodic_FiresAtExactMultiples()
    {
        var sim = new Simulation();
        var fired = new List<TimeSpan>();
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired.Add(Sim.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
            await Sim.Delay(TimeSpan.FromMilliseconds(1800));
        });

        Assert.That(fired, Is.EqualTo(new[] { 1000, 1250, 1500, 1750 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
    }

    [Test]
    public void Change_ToInfinite_StopsTheTimer_AndBackRestartsIt()
    {
        var sim = new Simulation();
        var fired = new List<TimeSpan>();
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired.Add(Sim.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            await Sim.Delay(TimeSpan.FromSeconds(2.5));
            Assert.That(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), Is.True);
            await Sim.Delay(TimeSpan.FromSeconds(10));
            timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(5));
        });

        Assert.That(fired, Is.EqualTo(new[] { 1, 2, 13.5 }.Select(TimeSpan.FromSeconds)));
    }

    [Test]
    public void Change_Reschedule_MovesTheDueTimeFromNow()
    {
        var sim = new Simulation();
        var fired = new List<TimeSpan>();
        sim.Run(async () =>
        {
            using ITimer timer = Sim.Clock.CreateTimer(_ => fired.Add(Sim.Elapsed), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(4));
            timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(20));
        });

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(6) }));
    }

    [Test]
    public void Dispose_BeforeDue_TimerNeverFires_AndChangeReturnsFalse()
    {
        var sim = new Simulation();
        int fired = 0;
        bool changed = true;
        sim.Run(async () =>
        {
            ITimer timer = Sim.Clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            await Sim.Delay(TimeSpan.FromSeconds(1.5));
            await timer.DisposeAsync();
            changed = timer.Change(TimeSpan.FromSeconds(1), TimeSpan.Zero);
            await Sim.Delay(TimeSpan.FromSeconds(5));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(1));
            Assert.That(changed, Is.False);
        }
    }

    [Test]
    public void Timers_DueAtTheSameInstant_FireInCreationOrder_UnderFifo()
    {
        var sim = new Simulation();
        var order = new List<int>();
        sim.Run(async () =>
        {
            var timers = Enumerable.Range(0, 20)
                .Select(i => Sim.Clock.CreateTimer(_ => order.Add(i), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan))
                .ToList();
            await Sim.Delay(TimeSpan.FromSeconds(2));
            timers.ForEach(t => t.Dispose());
        });

        Assert.That(order, Is.EqualTo(Enumerable.Range(0, 20)));
    }

    [Test]
    public void Timers_DueAtTheSameInstant_UnderRandom_OrderDependsOnSeedOnly()
    {
        static List<int> Order(long seed)
        {
            var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random });
            var order = new List<int>();
            sim.Run(async () =>
            {
                for (int i = 0; i < 20; i++)
                {
                    int id = i;
                    Sim.Clock.CreateTimer(_ => order.Add(id), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                }

                await Sim.Delay(TimeSpan.FromSeconds(2));
            });
            return order;
        }

        List<int> first = Order(7);
        List<int> replay = Order(7);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay, Is.EqualTo(first));
            Assert.That(first, Is.EquivalentTo(Enumerable.Range(0, 20)));
            Assert.That(Enumerable.Range(1, 5).Select(s => string.Join(",", Order(s))).Distinct().Count(), Is.GreaterThan(1));
        }
    }

    [Test]
    public void CreateTimer_NegativeDueTime_ThrowsNamingTheArgument()
    {
        var clock = new Simulation().Clock;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan));
        Assert.That(error!.ParamName, Is.EqualTo("dueTime"));
    }

    [Test]
    public void CreateTimer_NegativePeriod_ThrowsNamingTheArgument()
    {
        var clock = new Simulation().Clock;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(-2)));
        Assert.That(error!.ParamName, Is.EqualTo("period"));
    }

    [Test]
    public void CreateTimer_NullCallback_Throws()
    {
        var clock = new Simulation().Clock;
        Assert.Throws<ArgumentNullException>(() => clock.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
    }

    [Test]
    public void Clock_OnlyMovesWhenNothingIsReady()
    {
        var sim = new Simulation();
        var times = new List<TimeSpan>();
        sim.Run(async () =>
        {
            SimTask busy = Sim.Spawn(async () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    times.Add(Sim.Elapsed);
                    await Task.Yield();
                }
            });
            await Sim.Delay(TimeSpan.FromTicks(1));
            times.Add(Sim.Elapsed);
            await busy;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(times.Take(100), Is.All.EqualTo(TimeSpan.Zero));
            Assert.That(times[^1], Is.EqualTo(TimeSpan.FromTicks(1)));
        }
    }
}
