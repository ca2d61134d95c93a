namespace SimLoop;

// One run to make: a seed under a strategy, and where it came from ("regressions file line 3") when not the range.
internal sealed record SeedCase(long Seed, ScheduleStrategy Strategy, string? Origin = null);
