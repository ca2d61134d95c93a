using System.Threading;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// What tasks see of the loop that runs them: where to post work, the clock and step that say "now", the task whose
// step is running, and where to record what happened. The loop implements it; tasks know nothing else of it.
internal interface ITaskLoop
{
    /// <summary>Gets the clock: the virtual time now, and the timers of the waits.</summary>
    VirtualClock Clock { get; }

    /// <summary>Gets the number of steps run so far.</summary>
    long Steps { get; }

    /// <summary>Gets the task whose step (or timer) is running, or <see langword="null"/>.</summary>
    SimTask? CurrentTask { get; }

    /// <summary>Gets the tasks of the run.</summary>
    TaskRegistry Tasks { get; }

    ILogger Logger { get; }

    /// <summary>Throws when <paramref name="operation"/> is called from another thread while the simulation runs.</summary>
    void CheckCaller(string operation);

    /// <summary>Puts work on the ready queue; it runs on a later step, as <paramref name="owner"/>.</summary>
    void Post(SendOrPostCallback callback, object? state, SimTask? owner, TraceEventKind kind);

    /// <summary>Records an event of <paramref name="task"/> in the trace at the current step.</summary>
    void RecordEvent(SimTask? task, TraceEventKind kind, string? detail);

    /// <summary>Records that the current task (or the simulation) asked to cancel <paramref name="target"/>.</summary>
    void RecordCancellation(SimTask target, CancellationCause cause, string text);
}
