namespace SimLoop.BugBench.Bugs;

// Dining philosophers, async: four philosophers round a table, each taking the fork on the left, then (after an
// await: picking it up) the fork on the right. The deadlock needs four orderings, one per philosopher: each takes
// its left fork before its right neighbour, who shares that fork, can take it as a right fork. Each philosopher
// thinks a little longer than the one before, so in Fifo order each has eaten before the next sits down.
internal sealed class PhilosophersBug : IBug
{
    private const int Seats = 4;

    public string Name => "philosophers";

    public string Description => $"{Seats} philosophers each take the left fork, then the right after an await: all hold one fork and wait for the next.";

    public string Origin => "SCTBench din_phil";

    public Type Failure => typeof(SimulationDeadlockException);

    public int Depth => Seats;

    public async Task Run()
    {
        SemaphoreSlim[] forks = [.. Enumerable.Range(0, Seats).Select(_ => new SemaphoreSlim(1, 1))];
        var meals = new SimTask[Seats];
        for (int seat = 0; seat < Seats; seat++)
        {
            SemaphoreSlim left = forks[seat];
            SemaphoreSlim right = forks[(seat + 1) % Seats];
            int thinking = 3 * seat;
            meals[seat] = Sim.Spawn(async () =>
            {
                for (int i = 0; i < thinking; i++)
                {
                    await Task.Yield(); // think
                }

                await left.WaitAsync();
                try
                {
                    await Task.Yield(); // pick it up
                    await right.WaitAsync();
                    right.Release(); // eat
                }
                finally
                {
                    left.Release();
                }
            }, $"philosopher#{seat + 1}");
        }

        foreach (SimTask meal in meals)
        {
            await meal;
        }

        foreach (SemaphoreSlim fork in forks)
        {
            fork.Dispose();
        }
    }
}
