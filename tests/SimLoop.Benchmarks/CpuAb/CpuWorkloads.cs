using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.CpuAb;

// The workloads `--cpu-ab` measures, each as one batch of SimLoop and one of its baseline (the floor, or for the
// deadlocking run the same program's passing run), returning the units done (steps, runs), so that a batch's CPU
// time divides into a cost per unit. A batch takes some tens of milliseconds.
internal static class CpuWorkloads
{
    public static readonly string[] Names =
    [
        "task-yield-fifo", "task-yield-random", "task-yield-pct", "sim-yield-fifo", "sim-yield-random", "sim-yield-pct",
        "get_html", "cancel_me", "deadlock",
    ];

    /// <summary>Gets the SimLoop batch of a workload.</summary>
    public static Func<long> SimLoop(string workload) => workload switch
    {
        "task-yield-fifo" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Fifo, 10_000), 100, 10_000),
        "task-yield-random" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Random, 10_000), 100, 10_000),
        "task-yield-pct" => () => StepWorkload.SimTaskYield(Options.For(ScheduleStrategy.Pct, 10_000), 100, 10_000),
        "sim-yield-fifo" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Fifo, 10_000), 100, 10_000),
        "sim-yield-random" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Random, 10_000), 100, 10_000),
        "sim-yield-pct" => () => StepWorkload.SimYield(Options.For(ScheduleStrategy.Pct, 10_000), 100, 10_000),
        "get_html" => () => Runs(2_000, () => NoteWorkload.RunSimLoop("get_html")),
        "cancel_me" => () => Runs(500, () => NoteWorkload.RunSimLoop("cancel_me")),
        "deadlock" => () => Expect(100, LockOrderWorkload.Run(100, opposite: true)),
        _ => throw Unknown(workload),
    };

    /// <summary>Gets the baseline batch of a workload: the floor, or for a deadlocking run the passing one.</summary>
    public static Func<long> Baseline(string workload) => workload switch
    {
        "task-yield-fifo" or "task-yield-random" or "task-yield-pct" or "sim-yield-fifo" or "sim-yield-random"
            or "sim-yield-pct" => () => StepWorkload.FloorTaskYield(100, 10_000),
        "get_html" => () => Runs(2_000, () => NoteWorkload.RunFloor("get_html")),
        "cancel_me" => () => Runs(500, () => NoteWorkload.RunFloor("cancel_me")),
        "deadlock" => () => Expect(2_000, LockOrderWorkload.Run(2_000, opposite: false)),
        _ => throw Unknown(workload),
    };

    private static ArgumentOutOfRangeException Unknown(string workload) =>
        new(nameof(workload), workload, "one of: " + string.Join(", ", Names));

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
