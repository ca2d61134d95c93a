namespace SimLoop;

/// <summary>What a trace entry records.</summary>
public enum TraceEventKind
{
    /// <summary>A step: a task's first step ran its body up to its first await.</summary>
    TaskStarted,

    /// <summary>A step: a posted continuation ran (an await resumed).</summary>
    Continuation,

    /// <summary>A step: a <see cref="System.Threading.Tasks.Task"/> queued to the simulation's TaskScheduler ran.</summary>
    QueuedTask,

    /// <summary>A step: a requested cancellation was delivered to a task.</summary>
    CancellationDelivered,

    /// <summary>A step: a timer fired (a delay ended, a timeout expired, an <c>ITimer</c> callback ran).</summary>
    TimerFired,

    /// <summary>A step: an action scheduled with <c>sim.At</c> ran.</summary>
    ActionRun,

    /// <summary>An event within a step: a task asked for another task's cancellation.</summary>
    CancellationRequested,

    /// <summary>An event within a step: a task finished (ran to completion, faulted or was cancelled).</summary>
    TaskFinished,

    /// <summary>A step: work that .NET queued to the thread pool (a <c>ConfigureAwait(false)</c> continuation,
    /// <c>Task.Run</c>) ran on a pool thread while the loop waited.</summary>
    ThreadPoolWork,
}
