namespace SimLoop.Benchmarks.Workloads;

/// <summary>Two tasks that each take two semaphores, yielding in between: in opposite orders they deadlock.</summary>
internal static class LockOrderWorkload
{
    /// <summary>Runs <paramref name="runs"/> simulations; returns how many ended as expected (passed, or deadlocked).</summary>
    public static long Run(int runs, bool opposite)
    {
        long expected = 0;
        for (int i = 0; i < runs; i++)
        {
            try
            {
                new Simulation(new SimulationOptions { TraceCapacity = 0 }).Run(() => Program(opposite));
                expected += opposite ? 0 : 1;
            }
            catch (SimulationDeadlockException)
            {
                expected += opposite ? 1 : 0;
            }
        }

        return expected;
    }

    private static async Task Program(bool opposite)
    {
        using var first = new SemaphoreSlim(1);
        using var second = new SemaphoreSlim(1);
        SimTask a = Sim.Spawn(() => Take(first, second), "a");
        SimTask b = Sim.Spawn(() => opposite ? Take(second, first) : Take(first, second), "b");
        await a;
        await b;
    }

    private static async Task Take(SemaphoreSlim outer, SemaphoreSlim inner)
    {
        await outer.WaitAsync();
        await Sim.Yield();
        await inner.WaitAsync();
        inner.Release();
        outer.Release();
    }
}
