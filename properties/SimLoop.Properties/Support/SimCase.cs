namespace SimLoop.Properties;

/// <summary>The seed and strategy of one generated run: with the program, all that identifies it.</summary>
/// <param name="Seed">The simulation's seed.</param>
/// <param name="Strategy">The schedule strategy.</param>
public sealed record SimCase(long Seed, ScheduleStrategy Strategy)
{
    /// <summary>Every strategy, for properties that must hold under each of them.</summary>
    public static IReadOnlyList<ScheduleStrategy> Strategies { get; } =
        [ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct];

    /// <summary>Creates a fresh simulation for this case; a simulation runs once.</summary>
    /// <returns>The simulation, with a step limit far above what any generated program needs.</returns>
    public Simulation NewSimulation() =>
        new(new SimulationOptions { Seed = Seed, Strategy = Strategy, MaxSteps = 2_000_000 });

    /// <summary>The same seed under another strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The case.</returns>
    public SimCase With(ScheduleStrategy strategy) => this with { Strategy = strategy };

    /// <summary>The command that reruns a fixture's properties with this seed and strategy pinned
    /// (see <see cref="SimArbitraries"/>).</summary>
    /// <param name="fixture">The fixture's class name.</param>
    /// <returns>One line to paste into a shell.</returns>
    public string ReplayLine(string fixture) =>
        $"SIMLOOP_SEED={Seed} SIMLOOP_STRATEGY={Strategy} dotnet test " +
        $"properties/SimLoop.Properties/SimLoop.Properties.csproj --filter \"FullyQualifiedName~{fixture}\"";

    /// <inheritdoc/>
    public override string ToString() => $"seed {Seed}, strategy {Strategy}";
}
