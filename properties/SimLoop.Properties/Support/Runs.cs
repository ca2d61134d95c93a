namespace SimLoop.Properties;

// How the properties turn a generated SimCase (SimLoop.FsCheck's seed and strategy) into a simulation. Most laws
// must hold under every strategy, so they run the case's seed under each of them in turn.
internal static class Runs
{
    /// <summary>Every strategy, for laws that must hold under each of them.</summary>
    public static IReadOnlyList<ScheduleStrategy> Strategies { get; } = Enum.GetValues<ScheduleStrategy>();

    /// <summary>A run of <paramref name="seed"/> with no faults: the programs cancel what they cancel themselves.</summary>
    public static SimCase Case(long seed, ScheduleStrategy strategy) => new(seed, strategy, FaultPlan.None);

    /// <summary>The same seed under another strategy.</summary>
    public static SimCase With(this SimCase simCase, ScheduleStrategy strategy) => simCase with { Strategy = strategy };

    /// <summary>A fresh simulation for this case (a simulation runs once), with a step limit far above what any
    /// generated program needs.</summary>
    public static Simulation NewSimulation(this SimCase simCase) =>
        new(new SimulationOptions { Seed = simCase.Seed, Strategy = simCase.Strategy, MaxSteps = 2_000_000 });
}
