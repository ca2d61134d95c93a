namespace SimLoop.BugBench.Bugs;

// The classic deadlock by lock order, async: transfer a->b locks a then b, transfer b->a locks b then a, each
// loading the first account (an await) before taking the second lock. The second transfer validates first, so in
// Fifo order the first holds both locks before the second takes any; SimLoop reports the deadlock with both tasks.
internal sealed class LockOrderBug : IBug
{
    public string Name => "lock-order";

    public string Description => "Two transfers take two account locks in opposite orders across an await: deadlock.";

    public string Origin => "SCTBench deadlock (lock order)";

    public Type Failure => typeof(SimulationDeadlockException);

    public int Depth => 2;

    public async Task Run()
    {
        var checking = new Account("checking", 100);
        var savings = new Account("savings", 100);
        SimTask toSavings = Sim.Spawn(() => TransferAsync(checking, savings, 10), "transfer checking->savings");
        SimTask toChecking = Sim.Spawn(async () =>
        {
            await Task.Yield(); // validate the request
            await TransferAsync(savings, checking, 20);
        }, "transfer savings->checking");
        await toSavings;
        await toChecking;
        checking.Dispose();
        savings.Dispose();
    }

    private static async Task TransferAsync(Account from, Account to, int amount)
    {
        await from.Lock.WaitAsync();
        try
        {
            await Task.Yield(); // load the source account
            await to.Lock.WaitAsync();
            try
            {
                from.Balance -= amount;
                to.Balance += amount;
            }
            finally
            {
                to.Lock.Release();
            }
        }
        finally
        {
            from.Lock.Release();
        }
    }

    private sealed class Account(string name, int balance) : IDisposable
    {
        public string Name { get; } = name;

        public int Balance { get; set; } = balance;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public void Dispose() => Lock.Dispose();
    }
}
