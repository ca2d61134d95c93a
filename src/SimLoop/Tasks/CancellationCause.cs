using System;
using System.Text;

namespace SimLoop;

/// <summary>Why a task was cancelled: who asked, when in virtual time, for what reason, and what caused that.</summary>
/// <remarks>
/// Causes form a chain through <see cref="Inner"/>: when a task awaiting another task is cancelled, the awaited
/// task is cancelled with a cause whose <see cref="Inner"/> is the awaiting task's cause. Reading the chain from
/// the innermost await outwards answers the question the asyncio notes ask of the a -&gt; b -&gt; c story:
/// which timeout, started by whom, at what virtual time, reached this await through which tasks.
/// </remarks>
public sealed class CancellationCause
{
    internal CancellationCause(string taskName, string reason, string? requestedBy, TimeSpan at, CancellationCause? inner)
    {
        TaskName = taskName;
        Reason = reason;
        RequestedBy = requestedBy;
        At = at;
        Inner = inner;
    }

    /// <summary>Gets the name of the task that was cancelled.</summary>
    public string TaskName { get; }

    /// <summary>Gets the reason given with the request, or the one SimLoop recorded (for example a timeout).</summary>
    public string Reason { get; }

    /// <summary>Gets the name of the task that asked for the cancellation, or <see langword="null"/> when the
    /// request came from outside any task (a <c>sim.At</c> action, a timer, the end of the run).</summary>
    public string? RequestedBy { get; }

    /// <summary>Gets the virtual time since the start of the run at which the cancellation was requested.</summary>
    public TimeSpan At { get; }

    /// <summary>Gets the cause this cancellation was caused by, or <see langword="null"/> if it is the first.</summary>
    public CancellationCause? Inner { get; }

    /// <summary>Describes this cause and, after " &lt;- ", every cause it was caused by.</summary>
    /// <returns>For example "task 'b' cancelled at 00:00:01 by 'main': timeout of 1 s in WaitFor".</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (CancellationCause? cause = this; cause is not null; cause = cause.Inner)
        {
            if (!ReferenceEquals(cause, this))
            {
                text.Append(" <- ");
            }

            text.Append("task '").Append(cause.TaskName).Append("' cancelled at ").Append(TimeFormat.Instant(cause.At))
                .Append(" by ").Append(cause.RequestedBy is null ? "the simulation" : "'" + cause.RequestedBy + "'")
                .Append(": ").Append(cause.Reason);
        }

        return text.ToString();
    }
}
