using NUnit.Framework;
using SimLoop;

namespace SimLoop.Demo;

// A bank account with a check-then-act race: Withdraw reads the balance, awaits (an audit call, say), then writes.
// Two concurrent withdrawals of 60 from 100 can both pass the check. Whether they do depends on the interleaving,
// so most seeds pass and about one in a hundred fails: exactly what a seeded property is for.
[TestFixture]
public class TransferTests
{
    private sealed class Account(int balance)
    {
        public int Balance { get; private set; } = balance;

        public int Withdrawn { get; private set; }

        public async Task Withdraw(int amount)
        {
            int read = Balance;
            await Sim.Delay(TimeSpan.FromMilliseconds(1)); // the audit call
            if (read >= amount)
            {
                Balance = read - amount;
                Withdrawn += amount;
            }
        }
    }

    [SimulationTest(Seeds = 1000, Strategy = ScheduleStrategy.Random)]
    public async Task Transfer_never_loses_money()
    {
        var account = new Account(100);
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
