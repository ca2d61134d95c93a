namespace SimLoop.BugBench.Bugs;

// SCTBench's account_bad, async: deposit and withdraw each read the balance, await the audit ledger, then write
// back what they read plus their amount. Withdraw authorizes first, so in Fifo order the deposit has written
// before the withdrawal reads; the lost update needs the withdrawal to read while the deposit is at the ledger.
internal sealed class AccountBug : IBug
{
    public string Name => "account";

    public string Description => "A deposit and a withdrawal read the balance, await the ledger, then write: one update is lost.";

    public string Origin => "SCTBench account";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var account = new Account(100);
        SimTask deposit = Sim.Spawn(() => account.DepositAsync(50), "deposit");
        SimTask withdraw = Sim.Spawn(async () =>
        {
            await Account.AuthorizeAsync();
            await account.WithdrawAsync(30);
        }, "withdraw");
        await deposit;
        await withdraw;
        if (account.Balance != 120)
        {
            throw new InvalidOperationException($"Balance is {account.Balance} after +50 and -30 from 100; expected 120.");
        }
    }

    private sealed class Account(int balance)
    {
        public int Balance { get; private set; } = balance;

        public static async Task AuthorizeAsync() => await Task.Yield();

        public async Task DepositAsync(int amount)
        {
            int read = Balance;
            await AppendToLedgerAsync();
            Balance = read + amount;
        }

        public async Task WithdrawAsync(int amount)
        {
            int read = Balance;
            await AppendToLedgerAsync();
            Balance = read - amount;
        }

        private static async Task AppendToLedgerAsync() => await Task.Yield();
    }
}
