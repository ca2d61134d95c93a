using System.Diagnostics;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Reporting;

// `--profile <workload> <seconds>`: runs one workload in a loop, in this process, for a profiler to attach to
// (perf with DOTNET_PerfMapEnabled=1, dotnet-trace, dotnet-counters). Not a measurement: BenchmarkDotNet measures.
internal static class ProfileLoop
{
    public static void Run(string workload, double seconds)
    {
        long[] delays = TimerWorkload.Delays(100_000);
        Func<long> once = workload switch
        {
            "floor-yield" => () => StepWorkload.FloorTaskYield(100, 10_000),
            "task-yield-fifo" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Fifo, 0), 100, 10_000),
            "task-yield-random" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Random, 0), 100, 10_000),
            "task-yield-pct" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Pct, 0), 100, 10_000),
            "sim-yield-fifo" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Fifo, 0), 100, 10_000),
            "floor-timers" => () => TimerWorkload.Floor(delays, 100_000, 1),
            "sim-timers" => () => TimerWorkload.SimDelay(Options.For(ScheduleStrategy.Fifo, 0), delays, 100_000, 1),
            "floor-cancel_me" => () => NoteWorkload.RunFloor("cancel_me"),
            "sim-cancel_me" => () => NoteWorkload.RunSimLoop("cancel_me"),
            "floor-get_html" => () => NoteWorkload.RunFloor("get_html"),
            "sim-get_html" => () => NoteWorkload.RunSimLoop("get_html"),
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "unknown workload"),
        };
        var clock = Stopwatch.StartNew();
        long runs = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            once();
            runs++;
        }

        Console.WriteLine($"{workload}: {runs} runs in {clock.Elapsed.TotalSeconds:N1} s");
    }
}
