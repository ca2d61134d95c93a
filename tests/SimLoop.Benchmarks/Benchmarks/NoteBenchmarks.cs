using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Whole simulations: the notes' cancel_me and get_html, each run a fresh world created, run and checked.</summary>
[Config(typeof(SuiteConfig))]
[Unit("run", Workload = "whole simulation", PerSecond = true)]
public class NoteBenchmarks
{
    [Params("cancel_me", "get_html")]
    public string Note { get; set; } = "cancel_me";

    public static double UnitsPerOperation(ParameterInstances parameters) => 1;

    [Benchmark(Baseline = true, Description = "floor")]
    public long Floor_Run() => NoteWorkload.RunFloor(Note);

    [Benchmark(Description = "SimLoop")]
    [Target(1.5)]
    public long SimLoop_Run() => NoteWorkload.RunSimLoop(Note);

    [Benchmark(Description = "SimLoop, TraceCapacity 0")]
    public long SimLoop_Run_NoTrace() => NoteWorkload.RunSimLoop(Note, traceCapacity: 0);

    [Benchmark(Description = "FakeTimeProvider")]
    public long FakeTimeProvider_Run() => NoteWorkload.RunFake(Note);
}
