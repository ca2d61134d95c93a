using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Pool hops with four simulations at once, their loops on plain threads or on pool threads.</summary>
/// <remarks>Loops on pool threads (Parallel.For, an xUnit test) compete with the work they hold for the pool's
/// threads; the loop keeps the pool supplied for both, so the two rows should cost about the same.</remarks>
[Config(typeof(SuiteConfig))]
[Unit("resumption", Workload = "fan-out, 4 simulations at once, Random (floor column: loops on plain threads)")]
public class PoolHopParallelBenchmarks
{
    private const int Loops = 4;

    public int Waiters { get; set; } = 100;

    public int Rounds { get; set; } = 10;

    public static double UnitsPerOperation(ParameterInstances parameters) => Loops * 100 * 10;

    [Benchmark(Baseline = true, Description = "loops on plain threads")]
    public long PlainThreads()
    {
        long total = 0;
        Thread[] threads = [.. Enumerable.Range(0, Loops).Select(seed => new Thread(() => Interlocked.Add(ref total, Run(seed))))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return total;
    }

    [Benchmark(Description = "SimLoop: loops on pool threads (Parallel.For)")]
    public long PoolThreads()
    {
        long total = 0;
        Parallel.For(0, Loops, new ParallelOptions { MaxDegreeOfParallelism = Loops }, seed => Interlocked.Add(ref total, Run(seed)));
        return total;
    }

    private long Run(int seed) =>
        PoolHopWorkload.Run(Options.For(ScheduleStrategy.Random, 0, seed), Waiters, Rounds, configureAwaitFalse: true);
}
