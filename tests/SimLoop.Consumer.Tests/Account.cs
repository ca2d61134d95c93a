namespace SimLoop.Consumer.Tests;

// A bank account whose withdrawal reads the balance, awaits an audit call, then writes. Without the lock two
// withdrawals can both pass the check on some interleavings (a check-then-act race); with it, none can.
internal sealed class Account(int balance, bool locked)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public int Balance { get; private set; } = balance;

    public int Withdrawn { get; private set; }

    public async Task Withdraw(int amount)
    {
        if (locked)
        {
            await _lock.WaitAsync();
        }

        try
        {
            int read = Balance;
            await Sim.Delay(TimeSpan.FromMilliseconds(1)); // the audit call
            if (read >= amount)
            {
                Balance = read - amount;
                Withdrawn += amount;
            }
        }
        finally
        {
            if (locked)
            {
                _lock.Release();
            }
        }
    }

    // Two withdrawals of 60 from 100, the second after a seeded pause; throws if more than 100 left the account.
    public static async Task TwoWithdrawals(bool locked)
    {
        var account = new Account(100, locked);
        SimTask a = Sim.Spawn(() => account.Withdraw(60), "withdraw a");
        await Sim.Delay(TimeSpan.FromMilliseconds(Sim.Random.Next(0, 200)));
        SimTask b = Sim.Spawn(() => account.Withdraw(60), "withdraw b");
        await a;
        await b;
        if (account.Withdrawn > 100)
        {
            throw new InvalidOperationException($"balance went negative: withdrew {account.Withdrawn} from 100");
        }
    }
}
