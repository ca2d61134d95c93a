namespace SimLoop.Consumer.Tests;

// A seeded property as users write one: [SimulationTest] runs the body once per seed, each in a fresh simulation.
[TestFixture]
public class AccountTests
{
    [SimulationTest(Seeds = 1000, Strategy = ScheduleStrategy.Random)]
    public async Task Withdraw_WithLock_NeverOverdraws() => await Account.TwoWithdrawals(locked: true);

    [SimulationTest(Seeds = 200, Strategy = ScheduleStrategy.Pct)]
    public async Task Withdraw_WithLockUnderPct_NeverOverdraws() => await Account.TwoWithdrawals(locked: true);
}
