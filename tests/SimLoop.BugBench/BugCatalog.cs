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
        new CancelRollbackBug(), new CleanupTokenBug(), new ReleaseOnCancelBug(),
    ];

    /// <summary>Gets bugs left out of the report until a core bug is fixed, each with the reason; run them by name.</summary>
    public static IReadOnlyList<(IBug Bug, string Reason)> Blocked { get; } =
    [
    ];

    public static IBug Find(string name) =>
        All.Concat(Blocked.Select(b => b.Bug)).FirstOrDefault(bug => bug.Name == name)
        ?? throw new ArgumentException($"No bug named '{name}'; the bugs are: {string.Join(", ", All.Select(b => b.Name))}.", nameof(name));
}
