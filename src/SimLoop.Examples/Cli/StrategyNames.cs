namespace SimLoop.Examples.Cli;

// The strategies as the command line spells them: fifo, random, pct, portfolio.
internal static class StrategyNames
{
    public static IReadOnlyList<string> All { get; } = ["fifo", "random", "pct", "portfolio"];

    public static string Format(ScheduleStrategy strategy) => strategy switch
    {
        ScheduleStrategy.Random => "random",
        ScheduleStrategy.Pct => "pct",
        ScheduleStrategy.Portfolio => "portfolio",
        _ => "fifo",
    };

    public static ScheduleStrategy? Parse(string text) => text.ToUpperInvariant() switch
    {
        "FIFO" => ScheduleStrategy.Fifo,
        "RANDOM" => ScheduleStrategy.Random,
        "PCT" => ScheduleStrategy.Pct,
        "PORTFOLIO" => ScheduleStrategy.Portfolio,
        _ => null,
    };
}
