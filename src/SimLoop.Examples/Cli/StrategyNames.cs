namespace SimLoop.Examples.Cli;

// The strategies as the command line spells them: fifo, random, pct.
internal static class StrategyNames
{
    public static IReadOnlyList<string> All { get; } = ["fifo", "random", "pct"];

    public static string Format(ScheduleStrategy strategy) => strategy switch
    {
        ScheduleStrategy.Random => "random",
        ScheduleStrategy.Pct => "pct",
        _ => "fifo",
    };

    public static ScheduleStrategy? Parse(string text) => text.ToUpperInvariant() switch
    {
        "FIFO" => ScheduleStrategy.Fifo,
        "RANDOM" => ScheduleStrategy.Random,
        "PCT" => ScheduleStrategy.Pct,
        _ => null,
    };
}
