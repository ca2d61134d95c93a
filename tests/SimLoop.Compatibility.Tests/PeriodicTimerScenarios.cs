namespace SimLoop.Compatibility.Tests;

// PeriodicTimer given sim.Clock ticks in virtual time; its WaitForNextTickAsync is an IValueTaskSource completed by
// the timer, which the loop fires with no SynchronizationContext, so context-free awaits resume inline on the loop.
// Without a TimeProvider it ticks in real time: refused.
public class PeriodicTimerScenarios
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [TestCase(true)]
    [TestCase(false)]
    public void WithSimClock_TicksAtEachPeriod_BesideADelayDueAtTheSameInstants(bool continueOnCapturedContext)
    {
        DeterminismHarness.Check(async print =>
        {
            using var timer = new PeriodicTimer(Period, Sim.Clock);
            SimTask ticker = Sim.Spawn(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    bool ticked = await timer.WaitForNextTickAsync().ConfigureAwait(continueOnCapturedContext);
                    print($"tick {ticked} at {Sim.Elapsed}");
                }
            }, "ticker");
            SimTask sleeper = Sim.Spawn(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await Sim.Delay(Period);
                    print($"sleeper at {Sim.Elapsed}");
                }
            }, "sleeper");
            await ticker;
            await sleeper;
        }, run =>
        {
            string[] ticks = ["tick True at 00:00:10", "tick True at 00:00:20", "tick True at 00:00:30"];
            Assert.That(run.Lines.Where(l => l.StartsWith("tick", StringComparison.Ordinal)), Is.EqualTo(ticks), run.Where);
            Assert.That(run.Lines, Has.Count.EqualTo(6), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(3 * Period), run.Where);
        }, continueOnCapturedContext ? Races.InOutput : Races.InTraceOnly); // a context-free tick resumes inside the timer's firing
    }

    [Test]
    public void WithSimClock_DisposedByAnotherTask_EndsTheWaitWithFalse()
    {
        DeterminismHarness.Check(async print =>
        {
            var timer = new PeriodicTimer(Period, Sim.Clock);
            SimTask ticker = Sim.Spawn(async () =>
            {
                while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
                {
                    print($"tick at {Sim.Elapsed}");
                }

                print($"stopped at {Sim.Elapsed}");
            }, "ticker");
            await Sim.Delay(2 * Period);
            print("disposing");
            timer.Dispose();
            await ticker;
        }, run =>
        {
            // At 20 s the tick and main's delay are due together; every timer due at an instant fires before the
            // work they release runs, so the tick is always seen before the disposal, whichever timer fires first.
            string[] expected = ["tick at 00:00:10", "tick at 00:00:20", "disposing", "stopped at 00:00:20"];
            Assert.That(run.Lines, Is.EqualTo(expected), run.Where);
        }, Races.InTraceOnly);
    }

    // PeriodicTimer allows one waiter at a time; a peer task due at the same instant makes the race.
    [Test]
    public void WithSimClock_TokenCancelsTheWaitInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromHours(1), Sim.Clock);
            SimTask waiter = Sim.Spawn(async () =>
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5), Sim.Clock);
                try
                {
                    await timer.WaitForNextTickAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    print($"waiter cancelled at {Sim.Elapsed}");
                }
            }, "waiter");
            SimTask peer = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromMinutes(5));
                print($"peer at {Sim.Elapsed}");
            }, "peer");
            await waiter;
            await peer;
        }, run => Assert.That(run.Lines, Is.EquivalentTo(new[] { "waiter cancelled at 00:05:00", "peer at 00:05:00" }), run.Where));
    }

    [Test]
    public void WithoutATimeProvider_RejectedAsARealTimer()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(30));
            await timer.WaitForNextTickAsync();
            print("ticked");
        });

        // PeriodicTimer does not flow the ExecutionContext to its timer, so what the core sees is the tick's continuation
        // posted to the loop from the timer thread.
        Assert.That(escapes, Has.All.Message.Contain("real timer").And.Message.Contain("sim.Clock"));
    }
}
