using System;
using System.Globalization;

namespace SimLoop;

/// <summary>One injected fault: at a virtual time, cancel one of the tasks then pending.</summary>
/// <param name="At">The virtual time since the start of the run at which the task is cancelled.</param>
/// <param name="Task">Which task: an index into the pending tasks other than main, in creation order, taken modulo
/// their number; with no such task pending, the fault does nothing.</param>
public sealed record Fault(TimeSpan At, int Task)
{
    /// <summary>Formats the fault as <c>cancel[task]@seconds</c>, for example <c>cancel[1]@1.5s</c>.</summary>
    /// <returns>The text that <see cref="FaultPlan.Parse(string)"/> reads back.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"cancel[{Task}]@{(decimal)At.Ticks / TimeSpan.TicksPerSecond:0.#######}s");
}
