using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace SimLoop.Benchmarks.VsPrevious;

/// <summary>Three processes per case (so one process's code layout or JIT luck does not decide a 10% question), five
/// warmups and fifteen iterations each, the workstation non-concurrent GC (what a test host runs with), allocations
/// measured. About 19 minutes for all 22 cases on the shared 2-core machine.</summary>
/// <remarks>VSPREVIOUS_QUICK=1: one process and 3 iterations per case, for development.</remarks>
public sealed class VsPreviousConfig : ManualConfig
{
    public VsPreviousConfig()
    {
        Job job = Environment.GetEnvironmentVariable("VSPREVIOUS_QUICK") == "1"
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            : Job.Default.WithLaunchCount(3).WithWarmupCount(5).WithIterationCount(15);
        AddJob(job.WithGcServer(false).WithGcConcurrent(false));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
