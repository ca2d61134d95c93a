namespace SimLoop;

// The portfolio: each seed runs one of a few strategies that find different bugs, chosen by the seed alone, so a
// seed replays under ScheduleStrategy.Portfolio exactly as it ran. Consecutive seeds take the members in turn:
// Random (fast on shallow bugs), Pct at depth 2 and at depth 3 (bugs that need one task to run ahead, or two
// orderings to go one way). Pct draws its change points over the steps it is given (SimulationOptions.PctSteps, the
// seed runners' estimate of the program's length) or, with none, over a horizon drawn from the seed.
internal static class Portfolio
{
    private static readonly (ScheduleStrategy Strategy, int Depth)[] s_members =
    [
        (ScheduleStrategy.Random, 0),
        (ScheduleStrategy.Pct, 2),
        (ScheduleStrategy.Pct, 3),
    ];

    /// <summary>Gets the member <paramref name="seed"/> runs: a strategy, and Pct's depth (0 for Random).</summary>
    public static (ScheduleStrategy Strategy, int Depth) Member(long seed)
    {
        long count = s_members.Length;
        long index = ((seed % count) + count) % count;
        return s_members[index];
    }

    /// <summary>The strategy <paramref name="seed"/> runs under the portfolio.</summary>
    public static IScheduleStrategy Create(long seed, int pctSteps)
    {
        (ScheduleStrategy strategy, int depth) = Member(seed);
        return strategy == ScheduleStrategy.Pct
            ? new PctStrategy(seed, depth, pctSteps)
            : new RandomStrategy(seed);
    }

    /// <summary>Names the strategy a run used, as failure reports show it: "random", "pct(depth 3)",
    /// "portfolio: pct(depth 2)".</summary>
    public static string Describe(ScheduleStrategy strategy, long seed, int pctDepth) => strategy switch
    {
        ScheduleStrategy.Portfolio => "portfolio: " + Describe(Member(seed).Strategy, seed, Member(seed).Depth),
        ScheduleStrategy.Pct => $"pct(depth {pctDepth})",
        _ => strategy.ToString().ToLowerInvariant(),
    };
}
