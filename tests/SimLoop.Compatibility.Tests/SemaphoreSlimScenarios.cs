namespace SimLoop.Compatibility.Tests;

// SemaphoreSlim as a mutex between three tasks, awaited with and without ConfigureAwait(false). Without it the
// waiters resume on their tasks' contexts; with it, a Release on the loop sends the waiter's continuation to the
// thread pool, where the core holds it until the loop hands it a step. Timeouts are the caveat: SemaphoreSlim times
// out on the system clock, so a virtual-time timeout goes through a token or WaitAsync(timeout, sim.Clock).
public class SemaphoreSlimScenarios
{
    private static Func<Action<string>, Task> Mutex(bool continueOnCapturedContext) => async print =>
    {
        using var semaphore = new SemaphoreSlim(1);
        SimTask[] workers = [.. Enumerable.Range(0, 3).Select(i => Sim.Spawn(async () =>
        {
            for (int round = 0; round < 2; round++)
            {
                await semaphore.WaitAsync().ConfigureAwait(continueOnCapturedContext);
                print($"w{i} in");
                await Task.Yield(); // inside the semaphore: another worker would get in now if it could
                print($"w{i} out");
                semaphore.Release();
                await Task.Yield();
            }
        }, $"w{i}"))];
        foreach (SimTask worker in workers)
        {
            await worker;
        }
    };

    private static void AssertMutualExclusion(ScenarioRun run)
    {
        Assert.That(run.Lines, Has.Count.EqualTo(12), run.Where);
        for (int i = 0; i < run.Lines.Count; i += 2)
        {
            string worker = run.Lines[i][..2];
            Assert.That(run.Lines[i + 1], Is.EqualTo(run.Lines[i].Replace(" in", " out", StringComparison.Ordinal)),
                $"{run.Where}: another task entered while {worker} held the semaphore: {run.Output}");
        }

        Assert.That(run.Lines.Count(l => l.EndsWith(" in", StringComparison.Ordinal)), Is.EqualTo(6), run.Where);
    }

    [Test]
    public void WaitAsync_ContextCaptured_DeterministicAndMutuallyExclusive()
    {
        DeterminismHarness.Check(Mutex(continueOnCapturedContext: true), AssertMutualExclusion);
    }

    [Test]
    public void WaitAsync_ConfigureAwaitFalse_PoolHopsRunAsLoopSteps_DeterministicAndMutuallyExclusive()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(Mutex(continueOnCapturedContext: false), AssertMutualExclusion);

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "ConfigureAwait(false) continuations should have hopped to the pool");
    }

    // The cancellation of a token-bound WaitAsync completes the waiter from the BCL's own pool hop.
    [Test]
    public void WaitAsync_TokenFromSimClock_TimesOutInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            using var semaphore = new SemaphoreSlim(0);
            SimTask[] waiters = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10 * (i + 1)), Sim.Clock);
                try
                {
                    await semaphore.WaitAsync(timeout.Token).ConfigureAwait(false);
                    print($"w{i} entered at {Sim.Elapsed}");
                }
                catch (OperationCanceledException)
                {
                    print($"w{i} timed out at {Sim.Elapsed}");
                }
            }, $"w{i}"))];
            await Sim.Delay(TimeSpan.FromSeconds(10));
            print("release");
            semaphore.Release();
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        }, run =>
        {
            // At 10 s w0's timeout and the release are due together. If the timeout fires first, w1 gets the slot
            // (whichever of the two prints first); otherwise w0 enters and w1 times out at 20 s.
            if (run.Lines.Contains("w1 timed out at 00:00:20"))
            {
                Assert.That(run.Lines, Is.EqualTo(new[] { "release", "w0 entered at 00:00:10", "w1 timed out at 00:00:20" }), run.Where);
            }
            else
            {
                Assert.That(run.Lines, Is.EquivalentTo(new[] { "release", "w1 entered at 00:00:10", "w0 timed out at 00:00:10" }), run.Where);
                Assert.That(run.Lines.ToList().IndexOf("release"), Is.LessThan(run.Lines.ToList().IndexOf("w1 entered at 00:00:10")), run.Where);
            }
        });
    }

    // Async waiters are served first come, first served: the first to wait gets the one release, the other times out.
    [Test]
    public void WaitAsync_WaitAsyncWithSimClock_TimesOutInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            using var semaphore = new SemaphoreSlim(0);
            SimTask[] waiters = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                try
                {
                    await semaphore.WaitAsync().WaitAsync(TimeSpan.FromMinutes(1), Sim.Clock).ConfigureAwait(false);
                    print($"w{i} entered at {Sim.Elapsed}");
                }
                catch (TimeoutException)
                {
                    print($"w{i} timed out at {Sim.Elapsed}");
                }
            }, $"w{i}"))];
            await Sim.Delay(TimeSpan.FromSeconds(30));
            semaphore.Release();
            await Task.Yield();
            print("main after release");
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        }, run =>
        {
            string[] winnerFirst = ["main after release", "w0 entered at 00:00:30", "w1 timed out at 00:01:00"];
            string[] otherFirst = ["main after release", "w1 entered at 00:00:30", "w0 timed out at 00:01:00"];
            Assert.That(run.Lines, Is.EquivalentTo(winnerFirst).Or.EquivalentTo(otherFirst), run.Where);
            Assert.That(run.Lines[^1], Does.EndWith("timed out at 00:01:00"), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(1)), run.Where);
        });
    }

    // SemaphoreSlim.WaitAsync(TimeSpan) arms a System.Threading timer: it fires in real time, off the loop.
    [Test]
    public void WaitAsync_WithItsOwnTimeout_RejectedAsARealTimer()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            using var semaphore = new SemaphoreSlim(0);
            bool entered = await semaphore.WaitAsync(TimeSpan.FromMilliseconds(30));
            print($"entered: {entered}");
        });

        Assert.That(escapes, Has.All.Message.Contain("real timer").And.Message.Contain("sim.Clock"));
    }
}
