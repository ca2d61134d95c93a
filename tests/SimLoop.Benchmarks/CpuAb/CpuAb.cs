using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SimLoop.Benchmarks.CpuAb;

// `--cpu-ab <workload,...> <rounds> [variant ...]`: the CPU time per unit of SimLoop, of its baseline and of any
// variants, their batches alternating within one process (in a shuffled order each round), so a change in the machine's
// load falls on all of them alike. CPU time of this thread, not wall time: on a shared machine wall time counts the
// other processes' turns. Reported: the median over rounds, the median of the per-round differences from the
// unchanged core ("base") and of the per-round ratios to the baseline, bytes allocated and GC pause per unit.
// A variant other than "base" and "baseline" removes components of the core (e.g. "fingerprint", "marker+trace"); it
// needs a core built with the ablation switches of ablation.patch beside this file (measurement only).
internal static class CpuAb
{
    private sealed record Sample(double Cpu, double Wall, double Bytes, double Pause);

    public static void Run(string workloads, int rounds, IReadOnlyList<string> extra)
    {
        string[] variants = ["baseline", "base", .. extra];
        Action<string> select = Selector(extra.Count > 0);
        Console.WriteLine($"load average {LoadAverage()}, {rounds} rounds");
        Console.WriteLine("| workload | variant | CPU ns/unit | IQR | change vs base | ratio to baseline | B/unit | GC pause ns/unit |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (string workload in workloads.Split(','))
        {
            Func<long> sim = CpuWorkloads.SimLoop(workload);
            Func<long> baseline = CpuWorkloads.Baseline(workload);
            Func<long> Batch(string variant) => variant == "baseline" ? baseline : () => { select(variant); return sim(); };
            WarmUp(variants, Batch);
            var samples = variants.ToDictionary(v => v, _ => new List<Sample>());
            var order = new Random(rounds); // a fixed shuffle: no variant always follows the same one
            for (int round = 0; round < rounds; round++)
            {
                string[] shuffled = [.. variants];
                order.Shuffle(shuffled);
                foreach (string variant in shuffled)
                {
                    samples[variant].Add(Measure(Batch(variant)));
                }
            }

            select("base");
            Report(workload, variants, samples);
        }

        Console.WriteLine($"load average {LoadAverage()}");
    }

    private static Sample Measure(Func<long> batch)
    {
        GC.Collect(); // every batch starts from the same heap, outside the measurement
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan paused = GC.GetTotalPauseDuration();
        long wall = Stopwatch.GetTimestamp();
        long cpu = CpuClock.ThreadNanoseconds();
        long units = batch();
        double cpuNs = CpuClock.ThreadNanoseconds() - cpu;
        double wallNs = Stopwatch.GetElapsedTime(wall).Ticks * 100.0;
        return new Sample(cpuNs / units, wallNs / units, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)units,
            (GC.GetTotalPauseDuration() - paused).Ticks * 100.0 / units);
    }

    // Tiered JIT keeps replacing code for seconds in a program with many methods, longer on a busy machine: every
    // variant runs in turn until the unchanged core's last rounds cost no less than the rounds before (within 2%),
    // for at least 2 s and at most 30 s.
    private static void WarmUp(string[] variants, Func<string, Func<long>> batch)
    {
        const int Window = 5;
        var clock = Stopwatch.StartNew();
        var costs = new List<double>();
        while (clock.Elapsed.TotalSeconds < 30)
        {
            foreach (string variant in variants.Where(v => v != "base"))
            {
                batch(variant)();
            }

            costs.Add(Measure(batch("base")).Cpu);
            if (clock.Elapsed.TotalSeconds >= 2 && costs.Count >= 2 * Window
                && Median(costs[^Window..]) >= 0.98 * Median(costs[^(2 * Window)..^Window]))
            {
                return;
            }
        }
    }

    private static void Report(string workload, string[] variants, Dictionary<string, List<Sample>> samples)
    {
        List<Sample> core = samples["base"];
        List<Sample> floor = samples["baseline"];
        foreach (string variant in variants)
        {
            List<Sample> mine = samples[variant];
            List<double> cpu = mine.Select(s => s.Cpu).ToList();
            string change = variant is "base" or "baseline" ? "-"
                : Median(mine.Zip(core, (a, b) => a.Cpu - b.Cpu).ToList()).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
            double ratio = Median(mine.Zip(floor, (a, b) => a.Cpu / b.Cpu).ToList());
            FormattableString line = $"| {workload} | {variant} | {Median(cpu):F1} | {Quantile(cpu, 0.25):F1}-{Quantile(cpu, 0.75):F1} | {change} | {ratio:F2}x | {Median(mine.Select(s => s.Bytes).ToList()):F1} | {Median(mine.Select(s => s.Pause).ToList()):F1} |";
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }

    // The ablation switches, when the core has them; without them only "base" and "baseline" can be measured.
    private static Action<string> Selector(bool needed)
    {
        MethodInfo? set = typeof(Simulation).Assembly.GetType("SimLoop.Ablation")?.GetMethod("Set", BindingFlags.Public | BindingFlags.Static);
        if (set is null)
        {
            return needed
                ? throw new InvalidOperationException("variants need a core built with the ablation switches (git apply tests/SimLoop.Benchmarks/CpuAb/ablation.patch)")
                : static _ => { };
        }

        return variant => set.Invoke(null, [variant == "base" ? string.Empty : variant]);
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        List<double> sorted = [.. values];
        sorted.Sort();
        double at = q * (sorted.Count - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
