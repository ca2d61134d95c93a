using SimLoop.BugBench.Coyote.Ports;

namespace SimLoop.BugBench.Coyote;

/// <summary>Every port, by the SimLoop bug's name; each search makes a fresh instance per iteration.</summary>
internal static class PortCatalog
{
    public static IReadOnlyList<Func<IPort>> All { get; } =
    [
        () => new AccountPort(), () => new ReorderPort(), () => new TwoStagePort(), () => new WrongLockPort(),
        () => new LockOrderPort(), () => new BoundedQueuePort(), () => new WorkQueuePort(), () => new LostWakeupPort(),
        () => new CheckThenActPort(), () => new TwoAwaitAtomicityPort(), () => new UseAfterDisposePort(),
        () => new TimeoutRetryPort(), () => new LazyInitPort(), () => new ChannelClosePort(), () => new SeqlockPort(),
        () => new PhilosophersPort(), () => new LongWindowPort(), () => new LeaseExpiryPort(),
        () => new CancelRollbackPort(), () => new CleanupTokenPort(), () => new ReleaseOnCancelPort(),
    ];

    public static Func<IPort> Find(string name) =>
        All.FirstOrDefault(make => make().Name == name)
        ?? throw new ArgumentException($"No port named '{name}'.", nameof(name));
}
