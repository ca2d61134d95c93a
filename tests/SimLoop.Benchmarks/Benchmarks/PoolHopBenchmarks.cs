using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Pool hops: 100 waiters released at once, 10 rounds, resumed on the loop or through the thread pool.</summary>
/// <remarks>Random chooses among the pool items in any order, which the pool itself would not: this is where a
/// starved pool would show (each item waits on the thread that dequeued it until it is chosen).</remarks>
[Config(typeof(SuiteConfig))]
[Unit("resumption", Workload = "fan-out: 100 waiters x 10 rounds")]
public class PoolHopBenchmarks
{
    [Params(ScheduleStrategy.Fifo, ScheduleStrategy.Random)]
    public ScheduleStrategy Strategy { get; set; }

    public int Waiters { get; set; } = 100;

    public int Rounds { get; set; } = 10;

    public static double UnitsPerOperation(ParameterInstances parameters) => 100 * 10;

    [Benchmark(Baseline = true, Description = "floor: await, context captured")]
    public long Floor_OnTheLoop() => PoolHopWorkload.Floor(Waiters, Rounds);

    [Benchmark(Description = "SimLoop: await, context captured")]
    public long SimLoop_OnTheLoop() => PoolHopWorkload.Run(Options.For(Strategy, 0), Waiters, Rounds, configureAwaitFalse: false);

    [Benchmark(Description = "SimLoop: ConfigureAwait(false), via the pool")]
    public long SimLoop_ThroughThePool() => PoolHopWorkload.Run(Options.For(Strategy, 0), Waiters, Rounds, configureAwaitFalse: true);
}
