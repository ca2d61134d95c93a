using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SimLoop.Benchmarks.CpuAb;

// `--cpu <workload,...> <samples>`: this thread's CPU time per unit of each workload, in this process. CPU time rather than
// wall time, because on a shared machine wall time counts the other processes' turns; the median of many batches,
// after a second of warm-up (tiered JIT), so one preempted or collected batch does not move it. Prints one line that
// `--cpu-ab` parses.
internal static class CpuSampler
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    public static void Run(string workloads, int samples)
    {
        foreach (string workload in workloads.Split(','))
        {
            RunOne(workload, samples);
        }
    }

    private static void RunOne(string workload, int samples)
    {
        Func<long> batch = CpuWorkloads.Batch(workload);
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1.0)
        {
            batch();
        }

        var cpu = new double[samples];
        var wall = new double[samples];
        long units = 0;
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        int gen0 = GC.CollectionCount(0);
        TimeSpan paused = GC.GetTotalPauseDuration();
        for (int i = 0; i < samples; i++)
        {
            long cpuStart = ThreadCpuNanoseconds();
            long wallStart = Stopwatch.GetTimestamp();
            long done = batch();
            wall[i] = Stopwatch.GetElapsedTime(wallStart).Ticks * 100.0 / done;
            cpu[i] = (ThreadCpuNanoseconds() - cpuStart) / (double)done;
            units += done;
        }

        double bytesPerUnit = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)units;
        double gen0PerMillion = (GC.CollectionCount(0) - gen0) * 1e6 / units;
        double pausePerUnit = (GC.GetTotalPauseDuration() - paused).Ticks * 100.0 / units;
        FormattableString line = $"CPU {workload} cpu_ns={Median(cpu):F2} wall_ns={Median(wall):F2} bytes={bytesPerUnit:F1} gen0_per_M={gen0PerMillion:F1} gc_pause_ns={pausePerUnit:F2}";
        Console.WriteLine(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out TimeSpec time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: --cpu needs Linux");
        }

        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
