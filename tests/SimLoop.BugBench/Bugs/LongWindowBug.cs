namespace SimLoop.BugBench.Bugs;

// A bounded spin: a client tries a flag lock 20 times, yielding between tries, then gives up with an error. The
// holder needs one more step to release it. The client fails only if it runs 20 steps in a row while the holder
// waits its turn: a long window that a uniform random scheduler almost never keeps open (one chance in 2^20), and
// that PCT opens whenever the client's priority is above the holder's. In Fifo order the holder runs in between.
internal sealed class LongWindowBug : IBug
{
    private const int Tries = 20;

    public string Name => "long-window";

    public string Description => $"A client spins {Tries} times on a lock, yielding between tries, and gives up: the holder needed one step it never got.";

    public string Origin => "PCT: a long window";

    public Type Failure => typeof(TimeoutException);

    public int Depth => 1;

    public async Task Run()
    {
        bool held = true; // taken by the holder before the client starts
        SimTask holder = Sim.Spawn(async () =>
        {
            await Task.Yield(); // finish the update
            held = false;
        }, "holder");
        SimTask client = Sim.Spawn(async () =>
        {
            for (int attempt = 1; attempt <= Tries; attempt++)
            {
                if (!held)
                {
                    return;
                }

                await Task.Yield(); // spin
            }

            throw new TimeoutException($"The lock was still held after {Tries} tries.");
        }, "client");
        await holder;
        await client;
    }
}
