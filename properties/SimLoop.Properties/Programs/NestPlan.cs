namespace SimLoop.Properties;

/// <summary>One level of a nest of awaits.</summary>
/// <param name="AsTask">Whether the level runs in a task of its own, awaited by the level above (level 1 always
/// runs in the nest's task).</param>
/// <param name="CatchDelayMs">What the level's <c>catch</c> waits before rethrowing: -1 nothing, 0
/// <c>Sim.Delay(0)</c> (a yield), more a <c>Sim.Delay</c> of that many milliseconds.</param>
/// <param name="FinallyYields">Whether the level's <c>finally</c> awaits <c>Sim.Yield()</c>.</param>
public sealed record NestLevel(bool AsTask, int CatchDelayMs, bool FinallyYields)
{
    /// <inheritdoc/>
    public override string ToString() =>
        (AsTask ? "T" : "m") + (CatchDelayMs < 0 ? "" : $"c{CatchDelayMs}") + (FinallyYields ? "y" : "");
}

/// <summary>What the innermost level of a nest waits in.</summary>
public enum InnermostWait
{
    /// <summary><c>Sim.Delay</c>.</summary>
    SimDelay,

    /// <summary><c>Task.Delay(delay, Sim.Clock, Sim.CurrentTask.CancellationToken)</c>: the token delivers it.</summary>
    ClockDelay,

    /// <summary><c>Sim.WaitFor</c> of a child task that delays, with a timeout that never fires first.</summary>
    WaitFor,

    /// <summary><c>Sim.Shield</c> of a child task that delays: the child runs on when the nest is cancelled.</summary>
    Shield,
}

/// <summary>A nest of awaits and when it is cancelled: the input of the cancellation laws.</summary>
/// <param name="Levels">Level 1 first (outermost); depth 1 to 50.</param>
/// <param name="Innermost">What the innermost level waits in.</param>
/// <param name="InnermostDelayMs">How long the innermost wait lasts, in milliseconds; always even.</param>
/// <param name="CancelAtMs">When the canceller asks, in milliseconds after the start; always odd, so it never ties
/// with the innermost delay.</param>
/// <param name="CancelRequests">How many times the canceller calls <c>Cancel()</c> in one step (1 to 3).</param>
public sealed record NestPlan(IReadOnlyList<NestLevel> Levels, InnermostWait Innermost, int InnermostDelayMs, int CancelAtMs, int CancelRequests)
{
    /// <summary>Gets the nesting depth.</summary>
    public int Depth => Levels.Count;

    /// <summary>Gets whether the cancellation arrives while the innermost level is still waiting.</summary>
    public bool CancelsBeforeCompletion => CancelAtMs < InnermostDelayMs;

    /// <inheritdoc/>
    public override string ToString() =>
        $"depth {Depth} [{string.Join(" ", Levels)}], innermost {Innermost} {InnermostDelayMs} ms, " +
        $"cancel at {CancelAtMs} ms x{CancelRequests}";
}

/// <summary>What a nest recorded: a level entered, caught the cancellation, completed, or ran its finally; or what
/// the canceller saw.</summary>
/// <param name="Kind">Enter, Catch, Completed, Finally; or a canceller event.</param>
/// <param name="Level">The level, 1 outermost; 0 for a canceller event.</param>
/// <param name="At">Virtual time since the start.</param>
public sealed record NestEvent(string Kind, int Level, TimeSpan At)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}{(Level > 0 ? Level.ToString(CultureInfo.InvariantCulture) : "")}@{At.TotalMilliseconds}ms";
}
