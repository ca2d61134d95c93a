using SimLoop.Benchmarks.Floor;

namespace SimLoop.Benchmarks.Workloads;

// `rounds` times, `waiters` tasks await one TaskCompletionSource that another step completes: with the awaits'
// context captured each resumption is a continuation on the loop thread; with ConfigureAwait(false) each is a work
// item .NET queues to the thread pool, which the loop runs as a step on the pool thread that dequeued it. Returns
// the number of resumptions.
internal static class PoolHopWorkload
{
    public static long Floor(int waiters, int rounds)
    {
        var loop = new FloorLoop();
        var counter = new Counter();
        loop.Run(async () =>
        {
            for (int round = 0; round < rounds; round++)
            {
                var gate = new TaskCompletionSource();
                var all = new Task[waiters];
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] = loop.Spawn(() => Resume(gate.Task, configureAwaitFalse: false, counter));
                }

                await Task.Yield(); // the floor is first in, first out: every waiter has started
                gate.SetResult();
                await Task.WhenAll(all);
            }
        });
        return counter.Value;
    }

    public static long Run(SimulationOptions options, int waiters, int rounds, bool configureAwaitFalse)
    {
        var counter = new Counter();
        var sim = new Simulation(options);
        sim.Run(async () =>
        {
            for (int round = 0; round < rounds; round++)
            {
                var gate = new TaskCompletionSource();
                var all = new Task[waiters];
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] = Sim.Spawn(() => Resume(gate.Task, configureAwaitFalse, counter)).Completion;
                }

                await Sim.Delay(TimeSpan.FromSeconds(1)); // every waiter waits before the gate opens
                gate.SetResult();
                await Task.WhenAll(all);
            }
        });
        return counter.Value;
    }

    private static async Task Resume(Task gate, bool configureAwaitFalse, Counter counter)
    {
        await gate.ConfigureAwait(!configureAwaitFalse);
        counter.Value++; // the steps run one at a time, so a plain increment is safe
    }
}
