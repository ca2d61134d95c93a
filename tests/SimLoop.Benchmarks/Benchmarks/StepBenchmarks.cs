using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Steps: 100 tasks x 10,000 yields, <c>Task.Yield</c> and <c>Sim.Yield</c>, under every strategy.</summary>
[Config(typeof(SuiteConfig))]
[Unit("step", Workload = "steps: 100 tasks x 10,000 yields")]
public class StepBenchmarks
{
    [Params(ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct)]
    public ScheduleStrategy Strategy { get; set; }

    /// <summary>SimulationOptions.TraceCapacity: the default 10,000 kept entries, or 0 (fingerprint only).</summary>
    [Params(10_000, 0)]
    public int Trace { get; set; }

    public int Tasks { get; set; } = 100;

    public int Yields { get; set; } = 10_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 100 * 10_000;

    [Benchmark(Baseline = true, Description = "floor: Task.Yield")]
    public long Floor_TaskYield() => StepWorkload.FloorTaskYield(Tasks, Yields);

    [Benchmark(Description = "SimLoop: Task.Yield")]
    [Target(1.5, When = "Fifo", BytesOverBaseline = 2)]
    [Target(2.0, When = "Random", BytesOverBaseline = 2)]
    [Target(2.0, When = "Pct", BytesOverBaseline = 2)]
    public long SimLoop_TaskYield() => StepWorkload.SimTaskYield(Options.For(Strategy, Trace), Tasks, Yields);

    [Benchmark(Description = "SimLoop: Sim.Yield")]
    [Target(2.0, Bytes = 32)]
    public long SimLoop_SimYield() => StepWorkload.SimYield(Options.For(Strategy, Trace), Tasks, Yields);
}
