using BenchmarkDotNet.Attributes;
using SimLoop.Benchmarks.VsPrevious.Cores;

namespace SimLoop.Benchmarks.VsPrevious;

/// <summary>Per await, the current core against the core before the pool-hop mechanism (the baseline), in one
/// run.</summary>
[Config(typeof(VsPreviousConfig))]
public class StepCostBenchmarks
{
    private static readonly Core s_previous = new PreviousCore();
    private static readonly Core s_current = new CurrentCore();

    [Params(Workload.SimYield, Workload.TaskYield, Workload.SemaphoreRing, Workload.TcsPingPong, Workload.Timers)]
    public Workload Workload { get; set; }

    [Params(Order.Fifo, Order.Random)]
    public Order Order { get; set; }

    /// <summary>Both cores must do the same work, or the ratio means nothing.</summary>
    [GlobalSetup]
    public void CheckSameSteps()
    {
        long previous = Workloads.Run(s_previous, Order, Workload);
        long current = Workloads.Run(s_current, Order, Workload);
        if (previous != current || current < Workloads.Awaits)
        {
            throw new InvalidOperationException(
                $"{Workload}/{Order}: the previous core took {previous} steps and the current one {current}; " +
                $"expected equal and >= {Workloads.Awaits}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workloads.Awaits)]
    public long Previous() => Workloads.Run(s_previous, Order, Workload);

    [Benchmark(OperationsPerInvoke = Workloads.Awaits)]
    public long Current() => Workloads.Run(s_current, Order, Workload);
}
