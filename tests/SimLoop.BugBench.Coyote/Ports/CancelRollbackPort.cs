namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/CancelRollbackBug.cs: a cancellation lands after the credit but before the transfer marks itself complete.
internal sealed class CancelRollbackPort : IPort
{
    private readonly Dictionary<string, int> _balances = new() { ["checking"] = 100, ["savings"] = 100 };

    public string Name => "cancel-rollback";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        using var cancel = new CancellationTokenSource();
        Task transfer = Task.Run(async () =>
        {
            bool debited = false;
            bool completed = false;
            try
            {
                await ApplyAsync("checking", -40, cancel.Token);
                debited = true;
                await ApplyAsync("savings", +40, cancel.Token);
                await ApplyAsync("journal", 0, cancel.Token);
                completed = true;
            }
            catch (OperationCanceledException)
            {
                // The user gave up: roll back below.
            }
            finally
            {
                if (debited && !completed)
                {
                    await ApplyAsync("checking", +40, CancellationToken.None);
                }
            }
        });
        Task user = Task.Run(async () =>
        {
            for (int i = 0; i < 5; i++)
            {
                await Task.Yield(); // think it over
            }

            await cancel.CancelAsync();
        });
        await transfer;
        await user;
        int total = _balances["checking"] + _balances["savings"];
        if (total != 200)
        {
            throw new InvalidOperationException($"The accounts hold {total} after a transfer between them; expected 200.");
        }
    }

    private async Task ApplyAsync(string account, int amount, CancellationToken token)
    {
        await Task.Yield(); // a round trip to the store
        token.ThrowIfCancellationRequested();
        _balances[account] = _balances.GetValueOrDefault(account) + amount;
    }
}
