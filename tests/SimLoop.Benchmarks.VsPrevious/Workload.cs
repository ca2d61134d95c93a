namespace SimLoop.Benchmarks.VsPrevious;

/// <summary>Programs that never leave the loop: every await resumes through a task's SynchronizationContext or the
/// simulation's clock, none through the thread pool. Each does <see cref="Workloads.Awaits"/> suspending awaits in
/// all.</summary>
public enum Workload
{
    /// <summary>One task awaits <c>Sim.Yield()</c>.</summary>
    SimYield,

    /// <summary>One task awaits <c>Task.Yield()</c>.</summary>
    TaskYield,

    /// <summary>Four tasks in a ring pass one permit on: each awaits its own <c>SemaphoreSlim.WaitAsync()</c> (no
    /// token, no ConfigureAwait(false)) and releases the next one's.</summary>
    SemaphoreRing,

    /// <summary>Two tasks hand a ball back and forth: each awaits a <c>TaskCompletionSource</c> the other
    /// completes.</summary>
    TcsPingPong,

    /// <summary>Four tasks each sleep with <c>Task.Delay(t, sim.Clock)</c> in a loop, t = 1 to 4 ms.</summary>
    Timers,
}
