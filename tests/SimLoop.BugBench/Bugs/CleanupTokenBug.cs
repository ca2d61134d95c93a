namespace SimLoop.BugBench.Bugs;

// Cleanup in `finally` handed the request's own token: a request rents the pool's only connection, queries with its
// token, and in `finally` returns the connection with the same token. A request cancelled mid-query has a cancelled
// token, so the return throws before it releases the connection, and the next request waits for it forever. In Fifo
// order the cancellation comes after the first request has returned the connection.
internal sealed class CleanupTokenBug : IBug
{
    public string Name => "cleanup-token";

    public string Description => "A request cancelled mid-query returns its connection in `finally` with its cancelled token: the return throws and the next request waits forever.";

    public string Origin => "Cancellation and a `finally`";

    public Type Failure => typeof(SimulationDeadlockException);

    public int Depth => 2;

    public async Task Run()
    {
        using var pool = new SemaphoreSlim(1, 1);
        using var cancel = new CancellationTokenSource();
        SimTask first = Sim.Spawn(async () =>
        {
            try
            {
                await QueryAsync(pool, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up.
            }
        }, "request#1");
        SimTask user = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 4; i++)
            {
                await Task.Yield(); // think it over
            }

            await cancel.CancelAsync();
        }, "user");
        SimTask second = Sim.Spawn(async () =>
        {
            await Task.Yield(); // parse the request
            await QueryAsync(pool, CancellationToken.None);
        }, "request#2");
        await first;
        await user;
        await second;
    }

    private static async Task QueryAsync(SemaphoreSlim pool, CancellationToken token)
    {
        await pool.WaitAsync(CancellationToken.None);
        try
        {
            await RoundTripAsync(token); // send the query
            await RoundTripAsync(token); // read the rows
        }
        finally
        {
            await RoundTripAsync(token); // the bug: reset the connection with a token that may be cancelled
            pool.Release();
        }
    }

    private static async Task RoundTripAsync(CancellationToken token)
    {
        await Task.Yield();
        token.ThrowIfCancellationRequested();
    }
}
