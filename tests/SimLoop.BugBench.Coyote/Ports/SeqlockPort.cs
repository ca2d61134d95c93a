namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/SeqlockBug.cs: a writer bumps the version before its two writes; a reader between them accepts a torn pair.
internal sealed class SeqlockPort : IPort
{
    private int _version;
    private int _a;
    private int _b;

    public string Name => "seqlock";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        Task reader = Task.Run(async () =>
        {
            await Task.Yield(); // open the snapshot
            int version = _version;
            await Task.Yield(); // a round trip
            int a = _a;
            await Task.Yield();
            int b = _b;
            if (_version == version && a != b)
            {
                throw new InvalidOperationException($"Reader accepted a torn pair: a = {a}, b = {b} under version {version}.");
            }
        });
        Task writer = Task.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield(); // prepare the update
            }

            _version++;
            await Task.Yield();
            _a = 1;
            await Task.Yield();
            _b = 1;
        });
        await reader;
        await writer;
    }
}
