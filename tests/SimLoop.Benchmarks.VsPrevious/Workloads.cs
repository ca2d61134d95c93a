using SimLoop.Benchmarks.VsPrevious.Cores;

namespace SimLoop.Benchmarks.VsPrevious;

/// <summary>The workloads' code, the same for both cores.</summary>
public static class Workloads
{
    /// <summary>Suspending awaits per run: enough that a run's fixed cost (a new Simulation, and the default trace
    /// ring of 10,000 entries, ~1.2 MB, growing by doubling) is spread thin: ~13 B and a few ns per await.</summary>
    public const int Awaits = 100_000;

    /// <summary>Runs <paramref name="workload"/> once on <paramref name="core"/>.</summary>
    /// <returns>The simulation's step count.</returns>
    public static long Run(Core core, Order order, Workload workload) => workload switch
    {
        Workload.SimYield => core.Run(order, () => core.SimYields(Awaits)),
        Workload.TaskYield => core.Run(order, () => TaskYields(Awaits)),
        Workload.SemaphoreRing => core.Run(order, () => SemaphoreRing(core, tasks: 4)),
        Workload.TcsPingPong => core.Run(order, () => TcsPingPong(core)),
        Workload.Timers => core.Run(order, () => Timers(core, tasks: 4)),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "unknown workload"),
    };

    private static async Task TaskYields(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
        }
    }

    private static async Task SemaphoreRing(Core core, int tasks)
    {
        var permits = new SemaphoreSlim[tasks];
        for (int i = 0; i < tasks; i++)
        {
            permits[i] = new SemaphoreSlim(0);
        }

        var members = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            SemaphoreSlim mine = permits[i];
            SemaphoreSlim next = permits[(i + 1) % tasks];
            members[i] = core.Spawn(async () =>
            {
                for (int round = 0; round < Awaits / tasks; round++)
                {
                    await mine.WaitAsync();
                    next.Release();
                }
            });
        }

        await Task.Yield(); // every member is waiting before the permit goes round
        permits[0].Release();
        await Task.WhenAll(members);
    }

    private static async Task TcsPingPong(Core core)
    {
        // Slot p is what player p waits on; a player renews its own slot before completing the other's, so every
        // await finds its slot not yet completed and suspends.
        var slots = new TaskCompletionSource[] { new(), new() };
        Task[] players = [core.Spawn(() => Play(slots, 0)), core.Spawn(() => Play(slots, 1))];
        await Task.Yield();
        slots[0].SetResult();
        await Task.WhenAll(players);
    }

    private static async Task Play(TaskCompletionSource[] slots, int player)
    {
        for (int round = 0; round < Awaits / 2; round++)
        {
            await slots[player].Task;
            slots[player] = new TaskCompletionSource();
            slots[1 - player].TrySetResult();
        }
    }

    private static async Task Timers(Core core, int tasks)
    {
        var sleepers = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            TimeSpan period = TimeSpan.FromMilliseconds(i + 1);
            sleepers[i] = core.Spawn(async () =>
            {
                TimeProvider clock = core.Clock;
                for (int round = 0; round < Awaits / tasks; round++)
                {
                    await Task.Delay(period, clock);
                }
            });
        }

        await Task.WhenAll(sleepers);
    }
}
