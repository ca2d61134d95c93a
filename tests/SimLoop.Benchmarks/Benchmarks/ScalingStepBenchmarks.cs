using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Scaling of steps: N tasks yielding, a million steps in all (ten per task at a million tasks), Fifo.
/// The cost per step should not grow with N.</summary>
[Config(typeof(SuiteConfig))]
[Unit("step", Workload = "scaling steps (N tasks, 1M+ steps)")]
public class ScalingStepBenchmarks
{
    [Params(10, 1_000, 100_000, 1_000_000)]
    public int Tasks { get; set; }

    /// <summary>Gets the yields per task; the smoke tests set it small.</summary>
    public int? YieldsOverride { get; set; }

    public int Yields => YieldsOverride ?? YieldsFor(Tasks);

    public static int YieldsFor(int tasks) => Math.Max(10, 1_000_000 / tasks);

    public static double UnitsPerOperation(ParameterInstances parameters)
    {
        int tasks = (int)parameters["Tasks"];
        return (double)tasks * YieldsFor(tasks);
    }

    [Benchmark(Baseline = true, Description = "floor: Task.Yield")]
    public long Floor_TaskYield() => StepWorkload.FloorTaskYield(Tasks, Yields);

    [Benchmark(Description = "SimLoop: Task.Yield")]
    public long SimLoop_TaskYield() => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Fifo, 10_000), Tasks, Yields);
}
