namespace SimLoop.Compatibility.Tests;

// CancellationTokenSource with a delay: given sim.Clock (constructor or CancelAfter on a source built with it) it
// cancels in virtual time, its callbacks running on the loop as the timer fires; linked sources follow their parents.
// A source built without a TimeProvider arms a real timer when CancelAfter is called: refused.
public class CancellationScenarios
{
    [Test]
    public void CancelAfter_OnASourceBuiltWithSimClock_CancelsTwoWaitersInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            using var source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Sim.Clock);
            source.CancelAfter(TimeSpan.FromSeconds(30));
            SimTask[] waiters = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, Sim.Clock, source.Token).ConfigureAwait(i == 0);
                }
                catch (OperationCanceledException)
                {
                    print($"w{i} cancelled at {Sim.Elapsed}");
                }
            }, $"w{i}"))];
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        }, run => Assert.That(run.Lines, Is.EquivalentTo(new[] { "w0 cancelled at 00:00:30", "w1 cancelled at 00:00:30" }), run.Where));
    }

    [Test]
    public void LinkedTokens_TheEarlierParentCancelsTheLinkedWaiters()
    {
        DeterminismHarness.Check(async print =>
        {
            using var slow = new CancellationTokenSource(TimeSpan.FromMinutes(5), Sim.Clock);
            using var fast = new CancellationTokenSource(TimeSpan.FromMinutes(2), Sim.Clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(slow.Token, fast.Token);
            linked.Token.Register(() => print($"callback at {Sim.Elapsed}, fast {fast.IsCancellationRequested}, slow {slow.IsCancellationRequested}"));
            SimTask[] waiters = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1), linked.Token);
                }
                catch (OperationCanceledException)
                {
                    print($"w{i} cancelled at {Sim.Elapsed}");
                }
            }, $"w{i}"))];
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        }, run =>
        {
            Assert.That(run.Lines[0], Is.EqualTo("callback at 00:02:00, fast True, slow False"), run.Where);
            Assert.That(run.Lines.Skip(1), Is.EquivalentTo(new[] { "w0 cancelled at 00:02:00", "w1 cancelled at 00:02:00" }), run.Where);
        });
    }

    // The same timeout reached through the token of a source with a delay, while a peer sleeps to the same instant.
    [Test]
    public void ConstructorDelay_WithSimClock_CancelsAwaitOfATaskCompletionSource()
    {
        DeterminismHarness.Check(async print =>
        {
            var never = new TaskCompletionSource();
            SimTask waiter = Sim.Spawn(async () =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), Sim.Clock);
                try
                {
                    await never.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    print($"waiter cancelled at {Sim.Elapsed}");
                }
            }, "waiter");
            SimTask peer = Sim.Spawn(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), Sim.Clock);
                print($"peer at {Sim.Elapsed}");
            }, "peer");
            await waiter;
            await peer;
        }, run => Assert.That(run.Lines, Is.EquivalentTo(new[] { "waiter cancelled at 00:00:10", "peer at 00:00:10" }), run.Where),
        Races.InTraceOnly);
    }

    // A real timer is refused at the step that starts it, whatever its due time.
    [Test]
    public void CancelAfter_OnASourceWithoutATimeProvider_RejectedAsARealTimer()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            using var source = new CancellationTokenSource();
            source.CancelAfter(TimeSpan.FromMilliseconds(30));
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(source.Token);
            }
            catch (OperationCanceledException)
            {
                print("cancelled");
            }
        });

        Assert.That(escapes, Has.All.Message.Contain("real timer").And.Message.Contain("sim.Clock"));
    }

    // However long its due time: a real 10-minute CancelAfter would otherwise never fire inside a run whose virtual
    // hour passes in microseconds, and the timeout it stands for would silently never happen.
    [Test]
    public void CancelAfter_TenMinutesWithoutATimeProvider_RejectedAtTheStepThatStartsIt()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            await Sim.Yield();
            using var source = new CancellationTokenSource();
            source.CancelAfter(TimeSpan.FromMinutes(10));
            await Sim.Delay(TimeSpan.FromHours(1), source.Token);
            print($"still not cancelled at {Sim.Elapsed}: {!source.IsCancellationRequested}");
        });

        Assert.That(escapes, Has.All.Message.Contain("step 2 of 'main' started a real timer, due in 600000 ms"));
    }

    // CancelAsync runs the token's callbacks in a Task queued to TaskScheduler.Default: it runs as a loop step.
    [Test]
    public void CancelAsync_WithCallbacksRegistered_CallbacksRunAsALoopStep_BeforeTheAwaitResumes()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(async print =>
        {
            using var source = new CancellationTokenSource();
            Task waiting = Task.Delay(Timeout.InfiniteTimeSpan, Sim.Clock, source.Token);
            using CancellationTokenRegistration registration = source.Token.Register(() => print($"callback at {Sim.Elapsed}"));
            SimTask peer = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                print($"peer at {Sim.Elapsed}");
            }, "peer");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            await source.CancelAsync();
            print($"cancelled: {waiting.IsCanceled}");
            await peer;
        }, run =>
        {
            Assert.That(run.Lines.ToList().IndexOf("callback at 00:00:01"), Is.LessThan(run.Lines.ToList().IndexOf("cancelled: True")), run.Where);
            Assert.That(run.Lines, Is.EquivalentTo(new[] { "callback at 00:00:01", "cancelled: True", "peer at 00:00:01" }), run.Where);
        });

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "CancelAsync should have sent its callbacks to the pool");
    }
}
