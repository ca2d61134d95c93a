using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>A lock-order bug hunt's inner loop: two tasks take two semaphores, in the same order (every run passes, the
/// baseline) or in opposite orders (every run deadlocks under Fifo). A deadlocking run costs what a passing one does
/// plus what its failure costs: the loop's looks for a thread the program may have started (it yields its core a
/// bounded number of times), the deadlock exception and the cancellation that the end of the run delivers to each
/// blocked task, three exceptions a passing run never throws.</summary>
[Config(typeof(SuiteConfig))]
[Unit("run", Workload = "lock-order runs, Fifo", PerSecond = true)]
public class DeadlockBenchmarks
{
    public int Runs { get; set; } = 1_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 1_000;

    [Benchmark(Baseline = true, Description = "same order, passes")]
    public long Passing() => LockOrderWorkload.Run(Runs, opposite: false);

    [Benchmark(Description = "opposite orders, deadlocks")]
    [Target(3)]
    public long Deadlocking() => LockOrderWorkload.Run(Runs, opposite: true);
}
