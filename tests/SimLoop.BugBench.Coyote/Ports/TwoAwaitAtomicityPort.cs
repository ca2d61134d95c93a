namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/TwoAwaitAtomicityBug.cs: a transfer's debit and credit are two awaited writes; an auditor reads between them.
internal sealed class TwoAwaitAtomicityPort : IPort
{
    private readonly Dictionary<string, int> _balances = [];

    public string Name => "two-await-atomicity";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        _balances["checking"] = 100;
        _balances["savings"] = 100;
        Task transfer = Task.Run(async () =>
        {
            int checking = await GetAsync("checking");
            await SetAsync("checking", checking - 40);
            int savings = await GetAsync("savings");
            await SetAsync("savings", savings + 40);
        });
        Task auditor = Task.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield(); // write the report header
            }

            int total = await GetAsync("checking") + await GetAsync("savings");
            if (total != 200)
            {
                throw new InvalidOperationException($"Audit found a total of {total}; expected 200.");
            }
        });
        await transfer;
        await auditor;
    }

    private async Task<int> GetAsync(string key)
    {
        await Task.Yield(); // a round trip
        return _balances[key];
    }

    private async Task SetAsync(string key, int value)
    {
        await Task.Yield();
        _balances[key] = value;
    }
}
