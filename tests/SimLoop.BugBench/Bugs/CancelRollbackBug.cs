namespace SimLoop.BugBench.Bugs;

// A rollback in `finally` that trusts a flag set too late: a transfer debits, credits, then journals, each an awaited
// call that honours the token, and marks itself complete only after the journal. Its `finally` refunds the debit of
// a transfer not marked complete. A cancellation that lands after the credit and before the journal refunds a
// transfer whose credit stands: money appears. The user cancels after thinking it over, which in Fifo order is after
// the transfer has completed.
internal sealed class CancelRollbackBug : IBug
{
    public string Name => "cancel-rollback";

    public string Description => "A cancellation lands after the credit but before the transfer marks itself complete; its `finally` refunds the debit anyway.";

    public string Origin => "Cancellation and a `finally`";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var balances = new Dictionary<string, int> { ["checking"] = 100, ["savings"] = 100 };
        using var cancel = new CancellationTokenSource();
        SimTask transfer = Sim.Spawn(async () =>
        {
            bool debited = false;
            bool completed = false;
            try
            {
                await ApplyAsync(balances, "checking", -40, cancel.Token);
                debited = true;
                await ApplyAsync(balances, "savings", +40, cancel.Token);
                await ApplyAsync(balances, "journal", 0, cancel.Token);
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
                    await ApplyAsync(balances, "checking", +40, CancellationToken.None);
                }
            }
        }, "transfer");
        SimTask user = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 5; i++)
            {
                await Task.Yield(); // think it over
            }

            await cancel.CancelAsync();
        }, "user");
        await transfer;
        await user;
        int total = balances["checking"] + balances["savings"];
        if (total != 200)
        {
            throw new InvalidOperationException($"The accounts hold {total} after a transfer between them; expected 200.");
        }
    }

    private static async Task ApplyAsync(Dictionary<string, int> balances, string account, int amount, CancellationToken token)
    {
        await Task.Yield(); // a round trip to the store
        token.ThrowIfCancellationRequested();
        balances[account] = balances.GetValueOrDefault(account) + amount;
    }
}
