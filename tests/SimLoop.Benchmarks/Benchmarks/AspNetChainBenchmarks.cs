using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Three ASP.NET Core services a -> b -> c: requests per second of wall time, the applications built and
/// started in each operation, in a simulation on SimNetwork beside plain in-memory servers wired to each other.</summary>
[Config(typeof(SuiteConfig))]
[Unit("request", Workload = "three ASP.NET Core services a -> b -> c, 200 requests with start-up (floor column: plain TestServers)", PerSecond = true)]
public class AspNetChainBenchmarks
{
    public int Requests { get; set; } = 200;

    public static double UnitsPerOperation(ParameterInstances parameters) => 200;

    [Benchmark(Baseline = true, Description = "plain TestServers, real time")]
    public long TestServers() => AspNetChainWorkload.RunTestServer(Requests);

    [Benchmark(Description = "SimLoop: AddWebHost on SimNetwork")]
    public long SimLoop_WebHosts() => AspNetChainWorkload.RunSimLoop(Requests);
}
