namespace SimLoop.Seeds.Tests.Support;

// Small programs with a known bug, for the runner to find, report and replay.
internal static class DemoPrograms
{
    // Two withdrawals of 60 from 100 check the balance, yield, then write: a check-then-act race. Whether both
    // pass the check depends on the interleaving, so some seeds fail and others do not.
    public static async Task Transfer()
    {
        int balance = 100;
        int withdrawn = 0;

        async Task Withdraw(int amount)
        {
            int read = balance;
            await Sim.Yield();
            if (read >= amount)
            {
                balance = read - amount;
                withdrawn += amount;
            }
        }

        SimTask a = Sim.Spawn(() => Withdraw(60), "a");
        SimTask b = Sim.Spawn(() => Withdraw(60), "b");
        await a;
        await b;
        if (withdrawn > 100)
        {
            throw new InvalidOperationException($"withdrew {withdrawn} from an account holding 100");
        }
    }

    // Fails on every seed with a WaitFor timeout whose cancellation has a cause.
    public static async Task TimesOut()
    {
        SimTask<int> call = Sim.Spawn(async () =>
        {
            await Sim.Delay(TimeSpan.FromHours(1));
            return 1;
        }, "call");
        await Sim.WaitFor(call, TimeSpan.FromSeconds(2));
    }

    public static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    public static readonly Func<string, string?> NoEnvironment = static _ => null;
}
