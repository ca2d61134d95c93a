namespace SimLoop.Properties;

/// <summary>When a cancellation arrives relative to a task's work: the input of the recovery and shield laws.</summary>
/// <param name="WorkMs">The task's first wait, milliseconds; even.</param>
/// <param name="AfterMs">What the task waits after it (or after catching its cancellation); even.</param>
/// <param name="CancelAtMs">When the cancellation is requested; odd, so it never ties with the task's waits.</param>
public sealed record CancelTiming(int WorkMs, int AfterMs, int CancelAtMs)
{
    /// <inheritdoc/>
    public override string ToString() => $"work {WorkMs} ms, then {AfterMs} ms, cancel at {CancelAtMs} ms";
}
