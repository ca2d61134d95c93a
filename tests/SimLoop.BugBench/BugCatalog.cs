using SimLoop.BugBench.Bugs;

namespace SimLoop.BugBench;

/// <summary>Every bug of the benchmark, in report order: the SCTBench kernels first, then the issue's own list.</summary>
internal static class BugCatalog
{
    public static IReadOnlyList<IBug> All { get; } =
    [
        new AccountBug(), new ReorderBug(), new TwoStageBug(), new WrongLockBug(), new LockOrderBug(),
        new BoundedQueueBug(), new WorkQueueBug(), new LostWakeupBug(), new CheckThenActBug(),
        new TwoAwaitAtomicityBug(), new UseAfterDisposeBug(), new TimeoutRetryBug(), new ReleaseOnCancelBug(),
    ];

    public static IBug Find(string name) =>
        All.FirstOrDefault(bug => bug.Name == name)
        ?? throw new ArgumentException($"No bug named '{name}'; the bugs are: {string.Join(", ", All.Select(b => b.Name))}.", nameof(name));
}
