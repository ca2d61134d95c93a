using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Timers: 100,000 tasks each sleeping a seeded random 1 ms to 1,000 s.</summary>
[Config(typeof(SuiteConfig))]
[Unit("timer", Workload = "timers: 100,000 tasks, random 1 ms to 1,000 s")]
public class TimerBenchmarks
{
    private long[] _delays = [];

    /// <summary>SimulationOptions.TraceCapacity: the default 10,000 kept entries, or 0 (fingerprint only).</summary>
    [Params(10_000, 0)]
    public int Trace { get; set; }

    public int Tasks { get; set; } = 100_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 100_000;

    [GlobalSetup]
    public void Setup() => _delays = TimerWorkload.Delays(Tasks);

    [Benchmark(Baseline = true, Description = "floor: Delay")]
    public long Floor_Delay() => TimerWorkload.Floor(_delays, Tasks, rounds: 1);

    [Benchmark(Description = "SimLoop: Sim.Delay")]
    [Target(1.5)]
    public long SimLoop_SimDelay() =>
        TimerWorkload.SimDelay(Options.For(ScheduleStrategy.Fifo, Trace), _delays, Tasks, rounds: 1);

    [Benchmark(Description = "SimLoop: Task.Delay(t, sim.Clock)")]
    public long SimLoop_TaskDelayOnClock() =>
        TimerWorkload.SimTaskDelayOnClock(Options.For(ScheduleStrategy.Fifo, Trace), _delays, Tasks, rounds: 1);
}
