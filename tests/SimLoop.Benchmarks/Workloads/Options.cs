namespace SimLoop.Benchmarks.Workloads;

// SimulationOptions for benchmark runs: the defaults, with MaxSteps lifted for the 10-million-step sizes.
internal static class Options
{
    public static SimulationOptions For(ScheduleStrategy strategy, int traceCapacity, long seed = 1) => new()
    {
        Seed = seed,
        Strategy = strategy,
        TraceCapacity = traceCapacity,
        MaxSteps = long.MaxValue,
    };
}
