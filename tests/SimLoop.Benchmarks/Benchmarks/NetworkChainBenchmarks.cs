using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>A three-service chain a -> b -> c of handler hosts: requests per second of wall time over SimNetwork,
/// beside the same handlers calling each other directly (the baseline) and on FakeTimeProvider with a fixed latency.</summary>
[Config(typeof(SuiteConfig))]
[Unit("request", Workload = "three-service chain a -> b -> c, 1,000 requests (floor column: the handlers called directly)", PerSecond = true)]
public class NetworkChainBenchmarks
{
    public int Requests { get; set; } = 1_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 1_000;

    [Benchmark(Baseline = true, Description = "handlers called directly")]
    public long Direct() => ChainWorkload.RunDirect(Requests);

    [Benchmark(Description = "SimLoop: SimNetwork")]
    public long SimLoop_Network() => ChainWorkload.RunSimLoop(Requests);

    [Benchmark(Description = "FakeTimeProvider: fixed latency, Advance loop")]
    public long FakeTimeProvider_Chain() => ChainWorkload.RunFake(Requests);
}
