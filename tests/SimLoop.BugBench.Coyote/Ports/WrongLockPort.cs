namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/WrongLockBug.cs: a handler guards a counter with its lock, a flusher with the wrong lock.
internal sealed class WrongLockPort : IPort
{
    public string Name => "wronglock";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        using var counterLock = new SemaphoreSlim(1, 1);
        using var statsLock = new SemaphoreSlim(1, 1);
        int counter = 0;
        async Task IncrementAsync(SemaphoreSlim guard)
        {
            await guard.WaitAsync();
            try
            {
                int read = counter;
                await Task.Yield(); // write-through to the store
                counter = read + 1;
            }
            finally
            {
                guard.Release();
            }
        }

        Task handler = Task.Run(() => IncrementAsync(counterLock));
        Task flusher = Task.Run(async () =>
        {
            await Task.Yield(); // format the report
            await IncrementAsync(statsLock);
        });
        await handler;
        await flusher;
        if (counter != 2)
        {
            throw new InvalidOperationException($"Counter is {counter} after 2 increments.");
        }
    }
}
