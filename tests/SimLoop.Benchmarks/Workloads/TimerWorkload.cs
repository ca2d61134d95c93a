using Microsoft.Extensions.Time.Testing;
using SimLoop.Benchmarks.Floor;

namespace SimLoop.Benchmarks.Workloads;

// `tasks` tasks sleeping at once, each `rounds` times in a row, every sleep a seeded random whole number of
// milliseconds from 1 ms to 1,000 s: the timer queue holds about `tasks` timers throughout. Returns the sleeps done.
internal static class TimerWorkload
{
    public const long MinTicks = TimeSpan.TicksPerMillisecond;
    public const long MaxTicks = 1_000 * TimeSpan.TicksPerSecond;

    /// <summary>The delays, drawn once per size so every side sleeps the same ones.</summary>
    public static long[] Delays(int count, int seed = 42)
    {
        var random = new Random(seed);
        var delays = new long[count];
        for (int i = 0; i < delays.Length; i++)
        {
            delays[i] = random.NextInt64(1, (MaxTicks / MinTicks) + 1) * MinTicks;
        }

        return delays;
    }

    public static long Floor(long[] delays, int tasks, int rounds)
    {
        var loop = new FloorLoop();
        var counter = new Counter();
        loop.Run(() =>
        {
            var all = new Task[tasks];
            for (int i = 0; i < all.Length; i++)
            {
                int first = i * rounds;
                all[i] = loop.Spawn(() => FloorSleeps(loop, delays, first, rounds, counter));
            }

            return Task.WhenAll(all);
        });
        return counter.Value;
    }

    public static long SimDelay(SimulationOptions options, long[] delays, int tasks, int rounds) =>
        RunSim(options, tasks, (first, counter) => SimSleeps(delays, first, rounds, counter), rounds);

    public static long SimTaskDelayOnClock(SimulationOptions options, long[] delays, int tasks, int rounds) =>
        RunSim(options, tasks, (first, counter) => ClockSleeps(Sim.Clock, delays, first, rounds, counter), rounds);

    /// <summary>FakeTimeProvider as a user drives it: Task.Delay on it, and Advance in a loop until main is done.</summary>
    public static long Fake(long[] delays, int tasks, int rounds)
    {
        var counter = new Counter();
        var all = new Task[tasks];
        FakeClockNotes.Drive(time =>
        {
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = ClockSleeps(time, delays, i * rounds, rounds, counter);
            }

            return Task.WhenAll(all);
        });
        return counter.Value;
    }

    private static long RunSim(SimulationOptions options, int tasks, Func<int, Counter, Task> sleeps, int rounds)
    {
        var sim = new Simulation(options);
        var counter = new Counter();
        sim.Run(() =>
        {
            var all = new Task[tasks];
            for (int i = 0; i < all.Length; i++)
            {
                int first = i * rounds;
                all[i] = Sim.Spawn(() => sleeps(first, counter)).Completion;
            }

            return Task.WhenAll(all);
        });
        return counter.Value;
    }

    private static async Task FloorSleeps(FloorLoop loop, long[] delays, int first, int rounds, Counter counter)
    {
        for (int r = 0; r < rounds; r++)
        {
            await loop.Delay(new TimeSpan(delays[(first + r) % delays.Length]));
            counter.Value++;
        }
    }

    private static async Task SimSleeps(long[] delays, int first, int rounds, Counter counter)
    {
        for (int r = 0; r < rounds; r++)
        {
            await Sim.Delay(new TimeSpan(delays[(first + r) % delays.Length]));
            counter.Value++;
        }
    }

    private static async Task ClockSleeps(TimeProvider time, long[] delays, int first, int rounds, Counter counter)
    {
        for (int r = 0; r < rounds; r++)
        {
            await Task.Delay(new TimeSpan(delays[(first + r) % delays.Length]), time);
            counter.Value++;
        }
    }
}
