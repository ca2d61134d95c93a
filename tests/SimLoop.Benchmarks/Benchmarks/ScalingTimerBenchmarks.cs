using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Scaling of timers: N tasks sleeping at once (so about N timers queued), each sleeping in a row until
/// 100,000 sleeps are done (one each at a million tasks). The cost per timer should grow as log N.</summary>
[Config(typeof(SuiteConfig))]
[Unit("timer", Workload = "scaling timers (N sleeping, 100k+ sleeps)")]
public class ScalingTimerBenchmarks
{
    private long[] _delays = [];

    [Params(10, 1_000, 100_000, 1_000_000)]
    public int Tasks { get; set; }

    /// <summary>Gets the sleeps per task; the smoke tests set it small.</summary>
    public int? RoundsOverride { get; set; }

    public int Rounds => RoundsOverride ?? RoundsFor(Tasks);

    public static int RoundsFor(int tasks) => Math.Max(1, 100_000 / tasks);

    public static double UnitsPerOperation(ParameterInstances parameters)
    {
        int tasks = (int)parameters["Tasks"];
        return (double)tasks * RoundsFor(tasks);
    }

    [GlobalSetup]
    public void Setup() => _delays = TimerWorkload.Delays(Math.Max(Tasks * Rounds, 1));

    [Benchmark(Baseline = true, Description = "floor: Delay")]
    public long Floor_Delay() => TimerWorkload.Floor(_delays, Tasks, Rounds);

    [Benchmark(Description = "SimLoop: Sim.Delay")]
    public long SimLoop_SimDelay() =>
        TimerWorkload.SimDelay(Options.For(ScheduleStrategy.Fifo, 10_000), _delays, Tasks, Rounds);
}
