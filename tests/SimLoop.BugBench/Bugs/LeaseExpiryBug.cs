namespace SimLoop.BugBench.Bugs;

// A lease that expires between a check and a write: the primary holds a 100 ms lease and writes a batch every 50 ms,
// checking the lease, then preparing the batch (an await), then writing. At 100 ms the lease timer fires and the
// standby takes over and writes. When the timer's work runs between the primary's check and its write, the old
// epoch's write lands after the new leader's. The lease timer was created first, so in Fifo order it runs first and
// the primary sees that it has lost the lease.
internal sealed class LeaseExpiryBug : IBug
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(50);

    public string Name => "lease-expiry";

    public string Description => "The lease timer fires between the primary's lease check and its write: a write from the old epoch lands after the new leader's.";

    public string Origin => "Async pattern: a lease expiring between check and act";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var lease = new Lease { Holder = "primary", Epoch = 1 };
        var store = new List<(string Writer, int Epoch)>();
        SimTask manager = Sim.Spawn(async () =>
        {
            await Task.Delay(s_lease, Sim.Clock);
            lease.Holder = "standby";
            lease.Epoch = 2;
            store.Add(("standby", lease.Epoch));
        }, "lease timer");
        SimTask primary = Sim.Spawn(async () =>
        {
            for (int batch = 0; batch < 2; batch++)
            {
                await Task.Delay(s_period, Sim.Clock);
                if (lease.Holder != "primary")
                {
                    return;
                }

                int epoch = lease.Epoch;
                await Task.Yield(); // prepare the batch
                store.Add(("primary", epoch));
            }
        }, "primary");
        await manager;
        await primary;
        int newest = 0;
        foreach ((string writer, int epoch) in store)
        {
            if (epoch < newest)
            {
                throw new InvalidOperationException($"A write from epoch {epoch} ({writer}) landed after a write from epoch {newest}.");
            }

            newest = epoch;
        }
    }

    private sealed class Lease
    {
        public required string Holder { get; set; }

        public int Epoch { get; set; }
    }
}
