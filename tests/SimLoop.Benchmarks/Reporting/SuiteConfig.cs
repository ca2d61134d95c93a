using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace SimLoop.Benchmarks.Reporting;

/// <summary>The suite's job: few iterations (the CI machine has 2 shared cores), allocations measured, ops/s shown.</summary>
/// <remarks>SIMLOOP_BENCH_QUICK=1 runs each case for 3 iterations only, for development.</remarks>
public class SuiteConfig : ManualConfig
{
    public SuiteConfig()
    {
        bool quick = Environment.GetEnvironmentVariable("SIMLOOP_BENCH_QUICK") == "1";
        AddJob(quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>For workloads of seconds per operation (FakeTimeProvider's quadratic timers, a million sleeping tasks):
/// one invocation per iteration, one warmup, three iterations.</summary>
public sealed class SlowConfig : ManualConfig
{
    public SlowConfig()
    {
        bool quick = Environment.GetEnvironmentVariable("SIMLOOP_BENCH_QUICK") == "1";
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1)
            .WithWarmupCount(quick ? 0 : 1).WithIterationCount(quick ? 1 : 3));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new PeakMemoryColumn());
    }
}
