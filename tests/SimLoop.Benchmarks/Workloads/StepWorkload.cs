using SimLoop.Benchmarks.Floor;

namespace SimLoop.Benchmarks.Workloads;

// `tasks` tasks each awaiting `yields` scheduling points: almost every step is one continuation, so the time per
// yield is the loop's cost per step. Returns the number of yields completed.
internal static class StepWorkload
{
    public static long FloorTaskYield(int tasks, int yields)
    {
        var loop = new FloorLoop();
        var counter = new Counter();
        loop.Run(() =>
        {
            var all = new Task[tasks];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = loop.Spawn(() => TaskYields(yields, counter));
            }

            return Task.WhenAll(all);
        });
        return counter.Value;
    }

    public static long SimTaskYield(SimulationOptions options, int tasks, int yields)
    {
        var counter = new Counter();
        RunSim(options, tasks, () => TaskYields(yields, counter));
        return counter.Value;
    }

    public static long SimYield(SimulationOptions options, int tasks, int yields)
    {
        var counter = new Counter();
        RunSim(options, tasks, () => SimYields(yields, counter));
        return counter.Value;
    }

    private static void RunSim(SimulationOptions options, int tasks, Func<Task> body)
    {
        var sim = new Simulation(options);
        sim.Run(() =>
        {
            var all = new Task[tasks];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Sim.Spawn(body).Completion;
            }

            return Task.WhenAll(all);
        });
    }

    private static async Task TaskYields(int yields, Counter counter)
    {
        for (int i = 0; i < yields; i++)
        {
            await Task.Yield();
        }

        counter.Value += yields;
    }

    private static async Task SimYields(int yields, Counter counter)
    {
        for (int i = 0; i < yields; i++)
        {
            await Sim.Yield();
        }

        counter.Value += yields;
    }
}
