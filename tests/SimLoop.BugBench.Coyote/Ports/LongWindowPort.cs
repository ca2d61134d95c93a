namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/LongWindowBug.cs: a client spins 20 times on a lock, yielding between tries; the holder needs one step.
internal sealed class LongWindowPort : IPort
{
    private const int Tries = 20;
    private bool _held;

    public string Name => "long-window";

    public string Failure => nameof(TimeoutException);

    public async Task Run()
    {
        _held = true; // taken by the holder before the client starts
        Task holder = Task.Run(async () =>
        {
            await Task.Yield(); // finish the update
            _held = false;
        });
        Task client = Task.Run(async () =>
        {
            for (int attempt = 1; attempt <= Tries; attempt++)
            {
                if (!_held)
                {
                    return;
                }

                await Task.Yield(); // spin
            }

            throw new TimeoutException($"The lock was still held after {Tries} tries.");
        });
        await holder;
        await client;
    }
}
