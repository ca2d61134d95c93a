namespace SimLoop;

/// <summary>One generated run: a seed, a strategy and the faults to inject.</summary>
/// <param name="Seed">The seed of the run's choices.</param>
/// <param name="Strategy">The strategy that picks the next ready continuation.</param>
/// <param name="Faults">The cancellations to inject.</param>
public sealed record SimCase(long Seed, ScheduleStrategy Strategy, FaultPlan Faults)
{
    /// <summary>Formats the case as FsCheck prints it, for example <c>seed 1234, Pct, faults cancel[1]@1.5s</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"seed {Seed}, {Strategy}, faults {Faults}";
}
