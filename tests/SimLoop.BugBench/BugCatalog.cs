using SimLoop.BugBench.Bugs;

namespace SimLoop.BugBench;

/// <summary>Every bug of the benchmark, in report order: the SCTBench kernels first, then async patterns, then the deeper ones.</summary>
internal static class BugCatalog
{
    /// <summary>Gets the bugs the report covers.</summary>
    public static IReadOnlyList<IBug> All { get; } =
    [
        new AccountBug(), new ReorderBug(), new TwoStageBug(), new WrongLockBug(), new LockOrderBug(),
        new BoundedQueueBug(), new WorkQueueBug(), new LostWakeupBug(), new CheckThenActBug(),
        new TwoAwaitAtomicityBug(), new UseAfterDisposeBug(), new TimeoutRetryBug(), new LazyInitBug(),
        new ChannelCloseBug(), new SeqlockBug(), new PhilosophersBug(), new LongWindowBug(), new LeaseExpiryBug(),
        new CancelRollbackBug(), new CleanupTokenBug(),
    ];

    /// <summary>Gets bugs left out of the report until a core bug is fixed, each with the reason; run them by name.</summary>
    public static IReadOnlyList<(IBug Bug, string Reason)> Blocked { get; } =
    [
        (new ReleaseOnCancelBug(),
            "SemaphoreSlim.WaitAsync(token) with a cancellation and a Release close together sends BCL work to the thread " +
            "pool that SimLoop does not always follow, so one seed does not always end the same way: Random seed 100,000 run " +
            "alone left the loop's control (SimulationEscapeException) at step 10 in one process and at step 14 in another, " +
            "ran clean after seeds 99,990-99,999, and ended in a deadlock .NET would not reach (the cancelled waiter never " +
            "wakes) after the other seeds of its range. A seed search over this bug is not repeatable until the core follows that work."),
    ];

    public static IBug Find(string name) =>
        All.Concat(Blocked.Select(b => b.Bug)).FirstOrDefault(bug => bug.Name == name)
        ?? throw new ArgumentException($"No bug named '{name}'; the bugs are: {string.Join(", ", All.Select(b => b.Name))}.", nameof(name));
}
