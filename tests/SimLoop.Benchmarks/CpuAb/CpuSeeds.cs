using System.Diagnostics;
using System.Globalization;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.CpuAb;

// `--cpu-seeds <workload> <rounds>`: where the time of parallel seeds goes. A workload is a note (`get_html`,
// `cancel_me`) run by SimLoop, `check:<note>` through SimulationRunner.Check, or a control: `floor:<note>`, the floor
// running it, and `spin`, arithmetic that allocates and shares nothing. Batches of seeds on one worker thread and on
// one per core alternate; for each it measures the wall time per seed, the workers' own CPU time per seed (summed over
// workers; through Check, the process's), the time the GC paused every thread per seed, and the time the workers were
// neither running nor paused by the GC (wall x workers - worker CPU - (workers - 1) x pause: the GC runs on the worker
// that triggered it, inside its CPU). Means over the rounds, so that the parts add up to the wall time.
internal static class CpuSeeds
{
    private const int Seeds = 10_000;
    private const string CheckPrefix = "check:";
    private const string FloorPrefix = "floor:";

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
        Console.WriteLine("| workers | wall ns/seed | worker CPU ns/seed | GC pause ns/seed | gen0 GCs per 1,000 seeds | neither running nor in a GC pause, ns/seed |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach ((int workers, List<Sample> samples) in new[] { (1, one), (cores, all) })
        {
            double wall = samples.Average(s => s.Wall);
            double cpu = samples.Average(s => s.WorkerCpu);
            double pause = samples.Average(s => s.Pause);
            double waiting = wall * workers - cpu - pause * (workers - 1);
            FormattableString line = $"| {workers} | {wall:F0} | {cpu:F0} | {pause:F0} | {samples.Average(s => s.Gen0):F1} | {waiting:F0} |";
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }

        double ratio = Median(all.Zip(one, (a, b) => a.Wall / b.Wall));
        Console.WriteLine(FormattableString.Invariant($"time per seed on {cores} workers / on 1: {all.Average(s => s.Wall) / one.Average(s => s.Wall):F2}x of the means, {ratio:F2}x the median of paired rounds"));
    }

    private static Sample Measure(string note, int workers)
    {
        GC.Collect();
        TimeSpan paused = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0);
        long workerCpu = 0;
        TimeSpan processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        if (note.StartsWith(CheckPrefix, StringComparison.Ordinal))
        {
            RunCheck(note[CheckPrefix.Length..], workers);
            workerCpu = (Process.GetCurrentProcess().TotalProcessorTime - processCpu).Ticks * 100;
        }
        else
        {
            Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = workers },
                () => CpuClock.ThreadNanoseconds(),
                (seed, _, started) =>
                {
                    OneSeed(note, seed);
                    return started;
                },
                started => Interlocked.Add(ref workerCpu, CpuClock.ThreadNanoseconds() - started));
        }

        double wall = Stopwatch.GetElapsedTime(start).Ticks * 100.0;
        return new Sample(wall / Seeds, workerCpu / (double)Seeds, (GC.GetTotalPauseDuration() - paused).Ticks * 100.0 / Seeds,
            (GC.CollectionCount(0) - gen0) * 1000.0 / Seeds);
    }

    // Besides SimLoop's seeds, two controls that show what the machine gives a second worker: the floor running the
    // same note (allocating about half as much), and arithmetic that allocates and shares nothing.
    private static void OneSeed(string note, long seed)
    {
        if (note == "spin")
        {
            ulong x = (ulong)seed;
            for (int i = 0; i < 3_000; i++)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        }
        else if (note.StartsWith(FloorPrefix, StringComparison.Ordinal))
        {
            NoteWorkload.RunFloor(note[FloorPrefix.Length..]);
        }
        else
        {
            NoteWorkload.RunSimLoop(note, seed, ScheduleStrategy.Random);
        }
    }

    // The path a test takes (SeedRunnerBenchmarks'): its worker threads are Check's own, so their CPU time is read as
    // the process's.
    private static void RunCheck(string note, int workers) =>
        SimulationRunner.Check(sim => NoteWorkload.RunInside(note, sim), new SeedRunOptions
        {
            Seeds = Seeds,
            Strategy = ScheduleStrategy.Random,
            MaxDegreeOfParallelism = workers,
            TestName = "CpuSeeds",
            Progress = TextWriter.Null,
            Environment = static _ => null,
        });

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
