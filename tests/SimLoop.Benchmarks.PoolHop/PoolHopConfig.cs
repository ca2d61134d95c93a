using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace SimLoop.Benchmarks.PoolHop;

/// <summary>BenchmarkDotNet's default job with the workstation, non-concurrent GC (what a test host runs with),
/// allocations measured. POOLHOP_QUICK=1 runs 3 iterations per case, for development.</summary>
public sealed class PoolHopConfig : ManualConfig
{
    public PoolHopConfig()
    {
        Job job = Environment.GetEnvironmentVariable("POOLHOP_QUICK") == "1"
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            : Job.Default;
        AddJob(job.WithGcServer(false).WithGcConcurrent(false));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
