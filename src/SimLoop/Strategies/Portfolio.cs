namespace SimLoop;

// The portfolio: each seed runs one of three strategies, one from each family of randomized scheduling, chosen by the
// seed alone, so a seed replays under ScheduleStrategy.Portfolio exactly as it ran. Consecutive seeds take them in turn:
// - Random: a uniform pick at every choice; shallow bugs, a preemption anywhere.
// - Pos (partial order sampling): as likely as Random to swap two steps, far likelier to let one task run many steps
//   in a row (a long window, a task starved while others spin).
// - Pct at its default depth: priorities with 1 to depth - 1 change points, for bugs that need a task held back or
//   several orderings to go one way.
// A bug one member finds quickly costs the portfolio about three times that member's seeds; in exchange no kind of
// bug waits on a member that is slow on it.
// Pct draws its change points over the steps it is given (SimulationOptions.PctSteps, the seed runners' estimate of
// the program's length) or, with none, over a horizon drawn from the seed.
internal static class Portfolio
{
    private static readonly PortfolioMember[] s_members =
    [
        new(PortfolioKind.Random),
        new(PortfolioKind.Pos),
        new(PortfolioKind.Pct, PctStrategy.DefaultDepth),
    ];

    /// <summary>Gets the member <paramref name="seed"/> runs.</summary>
    public static PortfolioMember Member(long seed)
    {
        long count = s_members.Length;
        long index = ((seed % count) + count) % count;
        return s_members[index];
    }

    /// <summary>The strategy <paramref name="seed"/> runs under the portfolio.</summary>
    public static IScheduleStrategy Create(long seed, int pctSteps)
    {
        PortfolioMember member = Member(seed);
        return member.Kind switch
        {
            PortfolioKind.Pct => new PctStrategy(seed, member.PctDepth, pctSteps),
            PortfolioKind.Pos => new PosStrategy(seed),
            _ => new RandomStrategy(seed),
        };
    }

    /// <summary>Names the strategy a run used, as failure reports show it: "random", "pct(depth 5)",
    /// "portfolio: pos", "portfolio: pct(depth 5)".</summary>
    public static string Describe(ScheduleStrategy strategy, long seed, int pctDepth) => strategy switch
    {
        ScheduleStrategy.Portfolio => "portfolio: " + Member(seed).Name,
        ScheduleStrategy.Pct => new PortfolioMember(PortfolioKind.Pct, pctDepth).Name,
        _ => strategy.ToString().ToLowerInvariant(),
    };
}
