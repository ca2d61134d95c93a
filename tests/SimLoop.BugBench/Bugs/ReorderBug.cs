namespace SimLoop.BugBench.Bugs;

// SCTBench's reorder_X_bad, async: setters publish a pair (a = 1, then b = -1) with an await between the two
// writes; checkers expect to see the pair either untouched or complete. The checkers are spawned first, so Fifo
// checks before any setter starts; the torn pair needs a checker to run inside one setter's window.
internal sealed class ReorderBug : IBug
{
    private const int Setters = 4;
    private const int Checkers = 2;

    public string Name => "reorder";

    public string Description => $"{Setters} setters write a then b across an await; {Checkers} checkers see the pair torn.";

    public string Origin => "SCTBench reorder_X";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var pair = new Pair();
        var tasks = new List<SimTask>();
        for (int i = 1; i <= Checkers; i++)
        {
            tasks.Add(Sim.Spawn(async () =>
            {
                await Task.Yield();
                pair.Check();
            }, $"checker#{i}"));
        }

        for (int i = 1; i <= Setters; i++)
        {
            tasks.Add(Sim.Spawn(async () =>
            {
                await Task.Yield();
                pair.A = 1;
                await Task.Yield();
                pair.B = -1;
            }, $"setter#{i}"));
        }

        foreach (SimTask task in tasks)
        {
            await task;
        }
    }

    private sealed class Pair
    {
        public int A { get; set; }

        public int B { get; set; }

        public void Check()
        {
            if (!((A == 0 && B == 0) || (A == 1 && B == -1)))
            {
                throw new InvalidOperationException($"Torn pair: a = {A}, b = {B}.");
            }
        }
    }
}
