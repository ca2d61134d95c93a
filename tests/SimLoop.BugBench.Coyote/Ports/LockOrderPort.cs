namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/LockOrderBug.cs: two transfers take two account locks in opposite orders across an await.
internal sealed class LockOrderPort : IPort
{
    public string Name => "lock-order";

    public string Failure => "Deadlock";

    public async Task Run()
    {
        using var checking = new SemaphoreSlim(1, 1);
        using var savings = new SemaphoreSlim(1, 1);
        Task toSavings = Task.Run(() => TransferAsync(checking, savings));
        Task toChecking = Task.Run(async () =>
        {
            await Task.Yield(); // validate the request
            await TransferAsync(savings, checking);
        });
        await toSavings;
        await toChecking;
    }

    private static async Task TransferAsync(SemaphoreSlim from, SemaphoreSlim to)
    {
        await from.WaitAsync();
        try
        {
            await Task.Yield(); // load the source account
            await to.WaitAsync();
            to.Release();
        }
        finally
        {
            from.Release();
        }
    }
}
