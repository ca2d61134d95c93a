using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>The timer workload on FakeTimeProvider, driven as a user must (Advance in a loop), beside SimLoop and
/// the floor. FakeTimeProvider finds each due waiter by scanning all of them (quadratic), so at 100,000 one operation
/// takes minutes and each case is measured once; TimerBenchmarks measures SimLoop and the floor properly.</summary>
[Config(typeof(OnceConfig))]
[Unit("timer", Workload = "timers vs FakeTimeProvider")]
public class FakeTimerBenchmarks
{
    private long[] _delays = [];

    [Params(10_000, 100_000)]
    public int Tasks { get; set; }

    public static double UnitsPerOperation(ParameterInstances parameters) => (int)parameters["Tasks"];

    [GlobalSetup]
    public void Setup() => _delays = TimerWorkload.Delays(Tasks);

    [Benchmark(Baseline = true, Description = "floor: Delay")]
    public long Floor_Delay() => TimerWorkload.Floor(_delays, Tasks, rounds: 1);

    [Benchmark(Description = "SimLoop: Sim.Delay")]
    public long SimLoop_SimDelay() =>
        TimerWorkload.SimDelay(Options.For(ScheduleStrategy.Fifo, 10_000), _delays, Tasks, rounds: 1);

    [Benchmark(Description = "FakeTimeProvider: Task.Delay + Advance(1 s) loop")]
    public long FakeTimeProvider_TaskDelay() => TimerWorkload.Fake(_delays, Tasks, rounds: 1);
}
