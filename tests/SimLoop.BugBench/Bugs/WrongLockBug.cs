namespace SimLoop.BugBench.Bugs;

// SCTBench's wronglock_bad, async: a request handler increments a shared counter under the counter's lock; the
// metrics flusher increments it under the stats lock by mistake. The flusher first formats its report (an await),
// so in Fifo order it reads after the handler wrote; any overlap of the two read-await-write sections loses an increment.
internal sealed class WrongLockBug : IBug
{
    public string Name => "wronglock";

    public string Description => "A handler guards a counter with its lock, a flusher with the wrong lock: an increment is lost.";

    public string Origin => "SCTBench wronglock";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

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

        SimTask[] tasks =
        [
            Sim.Spawn(() => IncrementAsync(counterLock), "handler#1"),
            Sim.Spawn(async () =>
            {
                await Task.Yield(); // format the report

                await IncrementAsync(statsLock);
            }, "flusher"),
        ];
        foreach (SimTask task in tasks)
        {
            await task;
        }

        if (counter != 2)
        {
            throw new InvalidOperationException($"Counter is {counter} after 2 increments.");
        }
    }
}
