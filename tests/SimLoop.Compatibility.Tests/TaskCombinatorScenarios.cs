namespace SimLoop.Compatibility.Tests;

// Task.WhenAll, Task.WhenAny and Task.WaitAsync over spawned tasks, virtual-time delays and plain async methods.
// WaitAsync with a timeout takes sim.Clock as its TimeProvider; without one it would time out on a real timer.
public class TaskCombinatorScenarios
{
    private static async Task<int> WorkAsync(string name, int seconds, Action<string> print)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), Sim.Clock).ConfigureAwait(false);
        print($"{name} done at {Sim.Elapsed}");
        await Task.Yield();
        return seconds;
    }

    [Test]
    public void WhenAll_OverSpawnedTasksAndPlainAsyncMethods_AllResultsAtTheLatestTime()
    {
        DeterminismHarness.Check(async print =>
        {
            SimTask<int> spawned = Sim.Spawn(() => WorkAsync("spawned", 5, print), "spawned");
            int[] results = await Task.WhenAll(spawned.Completion.ContinueWith(
                t => ((Task<int>)t).Result, TaskScheduler.FromCurrentSynchronizationContext()),
                WorkAsync("a", 5, print), WorkAsync("b", 3, print), WorkAsync("c", 5, print));
            print($"all done at {Sim.Elapsed}: {string.Join(",", results)}");
        }, run =>
        {
            Assert.That(run.Lines[^1], Is.EqualTo("all done at 00:00:05: 5,5,3,5"), run.Where);
            Assert.That(run.Lines[0], Is.EqualTo("b done at 00:00:03"), run.Where);
            Assert.That(run.Lines, Has.Count.EqualTo(5), run.Where);
        });
    }

    // Two delays due at the same instant: which one WhenAny returns is the seed's choice.
    [Test]
    public void WhenAny_TwoDelaysDueTogether_TheWinnerIsTheSeedsChoice()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(async print =>
        {
            using var stop = new CancellationTokenSource();
            Task left = Task.Delay(TimeSpan.FromSeconds(7), Sim.Clock, stop.Token);
            Task right = Task.Delay(TimeSpan.FromSeconds(7), Sim.Clock, stop.Token);
            Task later = Task.Delay(TimeSpan.FromSeconds(9), Sim.Clock, stop.Token);
            Task winner = await Task.WhenAny(later, right, left).ConfigureAwait(false);
            print($"{(winner == left ? "left" : winner == right ? "right" : "later")} won at {Sim.Elapsed}");
            stop.Cancel();
        }, run => Assert.That(run.Lines, Is.EqualTo(new[] { "left won at 00:00:07" }).Or.EqualTo(new[] { "right won at 00:00:07" }), run.Where));

        Assert.That(summary.Runs.Where(r => r.Strategy == ScheduleStrategy.Fifo).Select(r => r.Output).Distinct(),
            Is.EqualTo(new[] { "left won at 00:00:07" }), "Fifo fires timers due together in creation order");
    }

    [Test]
    public void WaitAsync_WithSimClock_TimesOutInVirtualTime_OrReturnsTheResult()
    {
        DeterminismHarness.Check(async print =>
        {
            Task<int> fast = WorkAsync("fast", 2, print);
            Task<int> slow = WorkAsync("slow", 60, print);
            SimTask peer = Sim.Spawn(() => WorkAsync("peer", 2, print), "peer");
            print($"fast {await fast.WaitAsync(TimeSpan.FromSeconds(10), Sim.Clock)} at {Sim.Elapsed}");
            try
            {
                await slow.WaitAsync(TimeSpan.FromSeconds(10), Sim.Clock).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                print($"slow timed out at {Sim.Elapsed}");
            }

            await slow;
            await peer;
        }, run =>
        {
            string[] expected = ["fast 2 at 00:00:02", "slow timed out at 00:00:12", "slow done at 00:01:00"];
            Assert.That(run.Lines.Where(l => !l.Contains("done at 00:00:02", StringComparison.Ordinal)), Is.EqualTo(expected), run.Where);
            Assert.That(run.Lines.Take(3), Is.SupersetOf(new[] { "fast done at 00:00:02", "peer done at 00:00:02" }), run.Where);
            Assert.That(run.Lines.ToList().IndexOf("fast done at 00:00:02"), Is.LessThan(run.Lines.ToList().IndexOf("fast 2 at 00:00:02")), run.Where);
        });
    }

    [Test]
    public void WaitAsync_WithACancellationToken_CancelledByAnotherTask()
    {
        DeterminismHarness.Check(async print =>
        {
            using var stop = new CancellationTokenSource();
            var never = new TaskCompletionSource<int>();
            SimTask[] waiters = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                try
                {
                    await never.Task.WaitAsync(stop.Token).ConfigureAwait(i == 0);
                }
                catch (OperationCanceledException)
                {
                    print($"w{i} cancelled at {Sim.Elapsed}");
                }
            }, $"w{i}"))];
            await Sim.Delay(TimeSpan.FromSeconds(4));
            stop.Cancel(); // not CancelAsync: it runs the callbacks in a Task on the default scheduler
            print("cancel requested");
            foreach (SimTask waiter in waiters)
            {
                await waiter;
            }
        }, run =>
        {
            Assert.That(run.Lines, Is.EquivalentTo(new[] { "cancel requested", "w0 cancelled at 00:00:04", "w1 cancelled at 00:00:04" }), run.Where);
        });
    }

    [Test]
    public void WaitAsync_WithATimeoutButNoTimeProvider_RejectedAsARealTimer()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            var never = new TaskCompletionSource();
            try
            {
                await never.Task.WaitAsync(TimeSpan.FromMilliseconds(30));
            }
            catch (TimeoutException)
            {
                print("timed out");
            }
        });

        Assert.That(escapes, Has.All.Message.Contain("real timer").And.Message.Contain("sim.Clock"));
    }
}
