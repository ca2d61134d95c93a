namespace DocSamples.Contexts;

/// <summary>docs/understanding-failures.md's <c>Bank</c>: two withdrawals that check the balance, await, then write,
/// among three tasks that make noise. It passes in Fifo order and fails on some seeds (1234 under Random), paying
/// out both.</summary>
public abstract class BankRun
{
    protected static async Task Bank()
    {
        int balance = 100;
        int paidOut = 0;
        async Task Withdraw(int amount)
        {
            int read = balance;
            await Sim.Yield();   // between the check and the write: a call to the ledger
            if (read >= amount)
            {
                balance = read - amount;
                paidOut += amount;
            }
        }

        SimTask[] noise = [.. Enumerable.Range(1, 3).Select(i => Sim.Spawn(async () => { await Sim.Yield(); await Sim.Yield(); }, "noise"))];
        SimTask first = Sim.Spawn(() => Withdraw(60), "withdraw");
        await Sim.Yield();
        SimTask second = Sim.Spawn(() => Withdraw(60), "withdraw");
        foreach (SimTask task in noise)
        {
            await task;
        }

        await first;
        await second;
        if (paidOut > 100)
        {
            throw new InvalidOperationException($"paid out {paidOut} from a balance of 100");
        }
    }
}
