using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Peak memory for 1,000,000 tasks sleeping at once (the "Peak live" column); time here includes the
/// full collection at the peak and is not a target.</summary>
[Config(typeof(SlowConfig))]
[Unit("sleeping task", Workload = "1,000,000 tasks asleep at once", Peak = true)]
public class SleepingMemoryBenchmarks
{
    private long[] _delays = [];

    public int Tasks { get; set; } = 1_000_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 1_000_000;

    [GlobalSetup]
    public void Setup() => _delays = TimerWorkload.Delays(Tasks);

    [Benchmark(Baseline = true, Description = "floor")]
    public long Floor_Sleeping() =>
        SleepingWorkload.Floor(_delays, nameof(SleepingMemoryBenchmarks) + "." + nameof(Floor_Sleeping));

    [Benchmark(Description = "SimLoop")]
    [Target(double.PositiveInfinity, PeakBytes = 1L << 30)]
    public long SimLoop_Sleeping() => SleepingWorkload.SimLoop(Options.For(ScheduleStrategy.Fifo, 10_000), _delays,
        nameof(SleepingMemoryBenchmarks) + "." + nameof(SimLoop_Sleeping));
}
