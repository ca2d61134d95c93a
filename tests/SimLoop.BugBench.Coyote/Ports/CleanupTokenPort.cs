namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/CleanupTokenBug.cs: a request cancelled mid-query returns its connection in `finally` with its cancelled token.
internal sealed class CleanupTokenPort : IPort
{
    public string Name => "cleanup-token";

    public string Failure => "Deadlock";

    public async Task Run()
    {
        using var pool = new SemaphoreSlim(1, 1);
        using var cancel = new CancellationTokenSource();
        Task first = Task.Run(async () =>
        {
            try
            {
                await QueryAsync(pool, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up.
            }
        });
        Task user = Task.Run(async () =>
        {
            for (int i = 0; i < 4; i++)
            {
                await Task.Yield(); // think it over
            }

            await cancel.CancelAsync();
        });
        Task second = Task.Run(async () =>
        {
            await Task.Yield(); // parse the request
            await QueryAsync(pool, CancellationToken.None);
        });
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
