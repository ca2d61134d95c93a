using SimLoop.Benchmarks.Floor;
using SimLoop.Benchmarks.Reporting;

namespace SimLoop.Benchmarks.Workloads;

// A million tasks asleep at once: main spawns one task per delay, then sleeps a single tick, which ends only when
// every task has started and is sleeping (nothing is ready); that is the peak, and main samples the live memory
// there. Then every sleep ends normally. Returns the sleeps done.
internal static class SleepingWorkload
{
    public static long Floor(long[] delays, string key)
    {
        long baseline = PeakMemory.Baseline();
        var loop = new FloorLoop();
        var counter = new Counter();
        loop.Run(async () =>
        {
            var all = new Task[delays.Length];
            for (int i = 0; i < all.Length; i++)
            {
                var delay = new TimeSpan(delays[i]);
                all[i] = loop.Spawn(async () =>
                {
                    await loop.Delay(delay);
                    counter.Value++;
                });
            }

            await loop.Delay(TimeSpan.FromTicks(1));
            PeakMemory.Sample(key, baseline);
            await Task.WhenAll(all);
        });
        return counter.Value;
    }

    public static long SimLoop(SimulationOptions options, long[] delays, string key)
    {
        long baseline = PeakMemory.Baseline();
        var sim = new Simulation(options);
        var counter = new Counter();
        sim.Run(async () =>
        {
            var all = new Task[delays.Length];
            for (int i = 0; i < all.Length; i++)
            {
                var delay = new TimeSpan(delays[i]);
                all[i] = Sim.Spawn(async () =>
                {
                    await Sim.Delay(delay);
                    counter.Value++;
                }).Completion;
            }

            await Sim.Delay(TimeSpan.FromTicks(1));
            PeakMemory.Sample(key, baseline);
            await Task.WhenAll(all);
        });
        return counter.Value;
    }
}
