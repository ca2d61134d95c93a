namespace SimLoop.BugBench.Bugs;

// An atomicity violation across two awaits: a transfer debits one account and credits the other as two awaited
// store writes, and an auditor reads both balances as two awaited store reads. The total must stay 200, but the
// auditor can read between the debit and the credit. The auditor starts after a report header is written, which in
// Fifo order is after the transfer has finished.
internal sealed class TwoAwaitAtomicityBug : IBug
{
    public string Name => "two-await-atomicity";

    public string Description => "A transfer's debit and credit are two awaited writes; an auditor's two awaited reads fall between them.";

    public string Origin => "Async pattern: atomicity violation across two awaits";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var store = new Store(new Dictionary<string, int> { ["checking"] = 100, ["savings"] = 100 });
        SimTask transfer = Sim.Spawn(async () =>
        {
            int amount = 40;
            int checking = await store.GetAsync("checking");
            await store.SetAsync("checking", checking - amount);
            int savings = await store.GetAsync("savings");
            await store.SetAsync("savings", savings + amount);
        }, "transfer");
        SimTask auditor = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield(); // write the report header
            }

            int total = await store.GetAsync("checking") + await store.GetAsync("savings");
            if (total != 200)
            {
                throw new InvalidOperationException($"Audit found a total of {total}; expected 200.");
            }
        }, "auditor");
        await transfer;
        await auditor;
    }

    private sealed class Store(Dictionary<string, int> balances)
    {
        public async Task<int> GetAsync(string key)
        {
            await Task.Yield(); // a round trip
            return balances[key];
        }

        public async Task SetAsync(string key, int value)
        {
            await Task.Yield();
            balances[key] = value;
        }
    }
}
