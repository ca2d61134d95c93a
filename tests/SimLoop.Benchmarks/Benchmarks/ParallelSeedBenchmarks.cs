using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Parallel seeds: a property suite's inner loop, one simulation per seed under Random, on one core and on
/// all of them (one simulation per thread, as DESIGN.md runs seeds).</summary>
[Config(typeof(ParallelConfig))]
[Unit("seed", Workload = "parallel seeds, Random (floor column: SimLoop on 1 core)", PerSecond = true)]
public class ParallelSeedBenchmarks
{
    [Params("cancel_me", "get_html")]
    public string Note { get; set; } = "cancel_me";

    public int Seeds { get; set; } = 20_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 20_000;

    [Benchmark(Baseline = true, Description = "SimLoop, 1 core")]
    public long OneCore() => Run(1);

    [Benchmark(Description = "SimLoop, all cores")]
    [Target(1 / 1.8)]
    public long AllCores() => Run(Environment.ProcessorCount);

    private long Run(int cores)
    {
        long total = 0;
        Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = cores }, () => 0L,
            (seed, _, checkedRuns) => checkedRuns + NoteWorkload.RunSimLoop(Note, seed, ScheduleStrategy.Random),
            checkedRuns => Interlocked.Add(ref total, checkedRuns));
        return total;
    }
}
