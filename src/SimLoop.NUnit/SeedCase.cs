namespace SimLoop;

// One run to make: a seed under a strategy, and where it came from ("regressions file line 3") when not the range.
// PctSteps is the horizon its Pct drew change points over when the run chose it (an estimate from earlier seeds, or
// SIMLOOP_PCT_STEPS), so that its replay line and the regressions file pin it; 0 when the options' own applied.
internal sealed record SeedCase(long Seed, ScheduleStrategy Strategy, string? Origin = null)
{
    public int PctSteps { get; init; }
}
