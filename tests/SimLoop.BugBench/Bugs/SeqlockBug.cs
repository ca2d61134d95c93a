namespace SimLoop.BugBench.Bugs;

// A sequence lock whose writer bumps the version once, before its two writes, instead of once before and once after.
// A reader reads the version, then field a, then field b (each read a round trip), then the version again, and
// trusts a pair read under an unchanged version. Three orderings make it accept a torn pair: the reader reads the
// version after the bump, reads a before the writer writes it, and reads b after. The writer prepares first, so in
// Fifo order the reader has finished before the bump.
internal sealed class SeqlockBug : IBug
{
    public string Name => "seqlock";

    public string Description => "A writer bumps the version before its two writes, not after; a reader between them reads an old a, a new b and an unchanged version.";

    public string Origin => "Seqlock (version bumped once)";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 3;

    public async Task Run()
    {
        var cell = new VersionedPair();
        SimTask reader = Sim.Spawn(async () =>
        {
            await Task.Yield(); // open the snapshot
            int version = cell.Version;
            int a = await cell.ReadAAsync();
            int b = await cell.ReadBAsync();
            if (cell.Version == version && a != b)
            {
                throw new InvalidOperationException($"Reader accepted a torn pair: a = {a}, b = {b} under version {version}.");
            }
        }, "reader");
        SimTask writer = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield(); // prepare the update
            }

            cell.Version++; // the bug: a second bump after the writes would make the reader retry
            await Task.Yield();
            cell.A = 1;
            await Task.Yield();
            cell.B = 1;
        }, "writer");
        await reader;
        await writer;
    }

    private sealed class VersionedPair
    {
        public int Version { get; set; }

        public int A { get; set; }

        public int B { get; set; }

        public async Task<int> ReadAAsync()
        {
            await Task.Yield(); // a round trip
            return A;
        }

        public async Task<int> ReadBAsync()
        {
            await Task.Yield();
            return B;
        }
    }
}
