using System.Threading.Channels;

namespace SimLoop.BugBench.Tests;

// Smallest programs found while writing the benchmark where the core once failed on ordinary BCL code, kept as
// regression tests. The BCL queues this work with ThreadPool.UnsafeQueueUserWorkItem (no ExecutionContext), and some of
// it goes on working after it leaves the simulation's context; the core used to hold pool work at its first switch
// into that context and end its step at the first switch out, so it stalled 30 s or raced the loop. It now holds the
// work where the pool dequeues it and ends the step where the pool's dispatch loop resets the thread.
public class CoreReproTests
{
    [Test]
    public void WaitAsync_OnRunContinuationsAsynchronouslySource_CompletedByTimer_RunsToCompletion()
    {
        // Task.WaitAsync registers a completion action; a RunContinuationsAsynchronously task runs completion actions
        // through ThreadPool.UnsafeQueueUserWorkItemInternal (Task.RunContinuations). Seen: "a continuation was posted to
        // the simulation from thread 12, outside any step".
        Assert.That(() => new Simulation().Run(async () =>
        {
            var response = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using ITimer timer = Sim.Clock.CreateTimer(_ => response.TrySetResult(), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            await response.Task.WaitAsync(TimeSpan.FromSeconds(5), Sim.Clock);
        }), Throws.Nothing);
    }

    [Test]
    public void ChannelReadAsync_CancelledWhileWaiting_RunsToCompletion()
    {
        // The channel's AsyncOperation completes a cancelled read through ThreadPool.UnsafeQueueUserWorkItem.
        Assert.That(() => new Simulation().Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            using var stop = new CancellationTokenSource();
            SimTask reader = Sim.Spawn(async () =>
            {
                try
                {
                    await channel.Reader.ReadAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }, "reader");
            await Task.Yield();
            stop.Cancel();
            await reader;
        }), Throws.Nothing);
    }

    [Test]
    public void ReleaseOnCancel_RandomSeedsZeroToThree_NeverEscape()
    {
        // SemaphoreSlim.WaitAsync(token), a cancellation and a Release close together (Bugs/ReleaseOnCancelBug.cs).
        // Seed 3 alone, first in a fresh process, runs clean in 20 steps; after seeds 0-2 it stalls 30 s and escapes.
        // Programs reduced by hand (cancel then release in one step, or release a token waiter) all ran clean.
        var bug = new Bugs.ReleaseOnCancelBug();
        var escapes = new List<long>();
        for (long seed = 0; seed <= 3; seed++)
        {
            (_, Exception? error) = BugRun.Once(bug, BugRun.Search(ScheduleStrategy.Random, seed));
            if (error is SimulationEscapeException)
            {
                escapes.Add(seed);
            }
        }

        Assert.That(escapes, Is.Empty, "seeds whose run escaped the loop");
    }
}
