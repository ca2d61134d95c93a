using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.CpuAb;

// The workloads `--cpu` measures: one batch each, returning the units it did (steps, runs), so a sample's CPU time
// divides into a cost per unit. A batch is sized to take tens of milliseconds.
internal static class CpuWorkloads
{
    public static readonly string[] Names =
    [
        "floor-yield", "task-yield-fifo", "task-yield-random", "task-yield-pct", "sim-yield-fifo", "sim-yield-random",
        "sim-yield-pct", "floor-get_html", "sim-get_html", "floor-cancel_me", "sim-cancel_me", "lock-order-pass",
        "lock-order-deadlock",
    ];

    public static Func<long> Batch(string workload) => workload switch
    {
        "floor-yield" => () => StepWorkload.FloorTaskYield(100, 10_000),
        "task-yield-fifo" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Fifo, 10_000), 100, 10_000),
        "task-yield-random" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Random, 10_000), 100, 10_000),
        "task-yield-pct" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Pct, 10_000), 100, 10_000),
        "sim-yield-fifo" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Fifo, 10_000), 100, 10_000),
        "sim-yield-random" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Random, 10_000), 100, 10_000),
        "sim-yield-pct" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Pct, 10_000), 100, 10_000),
        "floor-get_html" => () => Runs(10_000, () => NoteWorkload.RunFloor("get_html")),
        "sim-get_html" => () => Runs(10_000, () => NoteWorkload.RunSimLoop("get_html")),
        "floor-cancel_me" => () => Runs(2_000, () => NoteWorkload.RunFloor("cancel_me")),
        "sim-cancel_me" => () => Runs(2_000, () => NoteWorkload.RunSimLoop("cancel_me")),
        "lock-order-pass" => () => Expect(2_000, LockOrderWorkload.Run(2_000, opposite: false)),
        "lock-order-deadlock" => () => Expect(100, LockOrderWorkload.Run(100, opposite: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "one of: " + string.Join(", ", Names)),
    };

    private static long Runs(int runs, Func<long> once)
    {
        for (int i = 0; i < runs; i++)
        {
            once();
        }

        return runs;
    }

    private static long Expect(long runs, long asExpected) => asExpected == runs
        ? runs
        : throw new InvalidOperationException($"{asExpected} of {runs} runs ended as expected");
}
