namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/AccountBug.cs: a deposit and a withdrawal read the balance, await the ledger, then write.
internal sealed class AccountPort : IPort
{
    private int _balance;

    public string Name => "account";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        _balance = 100;
        Task deposit = Task.Run(() => UpdateAsync(50));
        Task withdraw = Task.Run(async () =>
        {
            await Task.Yield(); // authorize
            await UpdateAsync(-30);
        });
        await deposit;
        await withdraw;
        if (_balance != 120)
        {
            throw new InvalidOperationException($"Balance is {_balance} after +50 and -30 from 100; expected 120.");
        }
    }

    private async Task UpdateAsync(int amount)
    {
        int read = _balance;
        await Task.Yield(); // append to the ledger
        _balance = read + amount;
    }
}
