namespace DocSamples.Contexts;

/// <summary>What the README's and docs/test-projects.md's <c>Transfer_never_loses_money</c> leave out: an account
/// whose withdrawal checks the balance, awaits an audit call, then writes (a check-then-act race).</summary>
public abstract class Transfer
{
    public sealed class Account(int balance)
    {
        public int Balance { get; private set; } = balance;

        public int Withdrawn { get; private set; }

        public async Task Withdraw(int amount)
        {
            if (Balance < amount)
            {
                return;
            }

            await Sim.Delay(TimeSpan.FromMilliseconds(1));   // the audit call
            Balance -= amount;
            Withdrawn += amount;
        }
    }
}
