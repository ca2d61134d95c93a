using System.Diagnostics;
using System.Globalization;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.CpuAb;

// `--cpu-seeds <note> <rounds>`: where the time of parallel seeds goes. Batches of seeds under Random on one worker
// thread and on one per core alternate; for each it measures the wall time per seed, the workers' own CPU time per
// seed (summed over workers: what the seeds themselves cost), the time the GC paused every thread per seed, and the
// time the workers were neither running nor paused by the GC: waiting for a core the machine gave to someone else
// (wall x workers - worker CPU - (workers - 1) x pause; the GC runs on the worker that triggered it, inside its CPU).
internal static class CpuSeeds
{
    private const int Seeds = 10_000;

    private sealed record Sample(double Wall, double WorkerCpu, double Pause, double Gen0);

    public static void Run(string note, int rounds)
    {
        int cores = Environment.ProcessorCount;
        var one = new List<Sample>();
        var all = new List<Sample>();
        for (int i = 0; i < 3; i++)
        {
            Measure(note, 1);
            Measure(note, cores);
        }

        for (int round = 0; round < rounds; round++)
        {
            bool oneFirst = round % 2 == 0;
            (oneFirst ? one : all).Add(Measure(note, oneFirst ? 1 : cores));
            (oneFirst ? all : one).Add(Measure(note, oneFirst ? cores : 1));
        }

        Console.WriteLine($"{note}, {rounds} rounds of {Seeds} seeds, {cores} cores, load average {File.ReadAllText("/proc/loadavg")[..14]}");
        Console.WriteLine("| workers | wall ns/seed | worker CPU ns/seed | GC pause ns/seed | gen0 GCs per 1,000 seeds | waiting for a core, ns/seed |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach ((int workers, List<Sample> samples) in new[] { (1, one), (cores, all) })
        {
            double wall = Median(samples.Select(s => s.Wall));
            double cpu = Median(samples.Select(s => s.WorkerCpu));
            double pause = Median(samples.Select(s => s.Pause));
            double waiting = Median(samples.Select(s => s.Wall * workers - s.WorkerCpu - s.Pause * (workers - 1)));
            FormattableString line = $"| {workers} | {wall:F0} | {cpu:F0} | {pause:F0} | {Median(samples.Select(s => s.Gen0)):F1} | {waiting:F0} |";
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }

        double ratio = Median(all.Zip(one, (a, b) => a.Wall / b.Wall));
        Console.WriteLine(FormattableString.Invariant($"time per seed on {cores} workers / on 1 (median of paired rounds): {ratio:F2}x"));
    }

    private static Sample Measure(string note, int workers)
    {
        GC.Collect();
        TimeSpan paused = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0);
        long workerCpu = 0;
        long start = Stopwatch.GetTimestamp();
        Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = workers },
            () => CpuClock.ThreadNanoseconds(),
            (seed, _, started) =>
            {
                NoteWorkload.RunSimLoop(note, seed, ScheduleStrategy.Random);
                return started;
            },
            started => Interlocked.Add(ref workerCpu, CpuClock.ThreadNanoseconds() - started));
        double wall = Stopwatch.GetElapsedTime(start).Ticks * 100.0;
        return new Sample(wall / Seeds, workerCpu / (double)Seeds, (GC.GetTotalPauseDuration() - paused).Ticks * 100.0 / Seeds,
            (GC.CollectionCount(0) - gen0) * 1000.0 / Seeds);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
