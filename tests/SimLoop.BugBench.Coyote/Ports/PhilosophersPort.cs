namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/PhilosophersBug.cs: four philosophers each take the left fork, then the right after an await.
internal sealed class PhilosophersPort : IPort
{
    private const int Seats = 4;

    public string Name => "philosophers";

    public string Failure => "Deadlock";

    public async Task Run()
    {
        SemaphoreSlim[] forks = [.. Enumerable.Range(0, Seats).Select(_ => new SemaphoreSlim(1, 1))];
        var meals = new Task[Seats];
        for (int seat = 0; seat < Seats; seat++)
        {
            SemaphoreSlim left = forks[seat];
            SemaphoreSlim right = forks[(seat + 1) % Seats];
            int thinking = 3 * seat;
            meals[seat] = Task.Run(async () =>
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
            });
        }

        foreach (Task meal in meals)
        {
            await meal;
        }

        foreach (SemaphoreSlim fork in forks)
        {
            fork.Dispose();
        }
    }
}
