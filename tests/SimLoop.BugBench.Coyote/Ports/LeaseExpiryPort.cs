namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/LeaseExpiryBug.cs: the lease timer fires between the primary's lease check and its write.
internal sealed class LeaseExpiryPort : IPort
{
    private readonly List<(string Writer, int Epoch)> _store = [];
    private string _holder = "primary";
    private int _epoch = 1;

    public string Name => "lease-expiry";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        Task manager = Task.Run(async () =>
        {
            await Task.Delay(100);
            _holder = "standby";
            _epoch = 2;
            _store.Add(("standby", _epoch));
        });
        Task primary = Task.Run(async () =>
        {
            for (int batch = 0; batch < 2; batch++)
            {
                await Task.Delay(50);
                if (_holder != "primary")
                {
                    return;
                }

                int epoch = _epoch;
                await Task.Yield(); // prepare the batch
                _store.Add(("primary", epoch));
            }
        });
        await manager;
        await primary;
        int newest = 0;
        foreach ((string writer, int epoch) in _store)
        {
            if (epoch < newest)
            {
                throw new InvalidOperationException($"A write from epoch {epoch} ({writer}) landed after a write from epoch {newest}.");
            }

            newest = epoch;
        }
    }
}
