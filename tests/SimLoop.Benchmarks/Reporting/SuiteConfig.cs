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
        : this(serverGcToo: false)
    {
    }

    protected SuiteConfig(bool serverGcToo)
    {
        bool quick = Environment.GetEnvironmentVariable("SIMLOOP_BENCH_QUICK") == "1";
        Job job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
        AddJob(job.WithGcServer(false).WithId("WorkstationGC"));
        if (serverGcToo)
        {
            AddJob(job.WithGcServer(true).WithId("ServerGC"));
        }

        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>The suite's job twice, with the workstation GC (what a test host runs with) and with the server GC, whose
/// collections do not stop every thread for one thread's work: seeds in parallel allocate from every core at once.</summary>
public sealed class ParallelConfig : SuiteConfig
{
    public ParallelConfig()
        : base(serverGcToo: true)
    {
    }
}

/// <summary>For a million sleeping tasks (seconds per operation): one invocation per iteration, one warmup, three
/// iterations; the peak of live memory shown beside the allocations.</summary>
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

/// <summary>For FakeTimeProvider's timers, which take minutes per operation at 100,000 (it scans every waiter to find
/// the next one): each case measured once, cold. Enough for a ratio of two orders of magnitude, not for 5%.</summary>
public sealed class OnceConfig : ManualConfig
{
    public OnceConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
