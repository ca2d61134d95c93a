namespace SimLoop.BugBench.Bugs;

// SCTBench's twostage_bad, async: the writer sets data1 under one lock, awaits (publishing stage one), then sets
// data2 = data1 + 1 under a second lock. The reader takes each lock in turn and expects data2 to follow data1 once
// data1 is set. Two locks where the invariant needs one: the reader can land between the stages.
internal sealed class TwoStageBug : IBug
{
    public string Name => "twostage";

    public string Description => "A writer updates two fields under two locks with an await between; a reader sees stage one without stage two.";

    public string Origin => "SCTBench twostage";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        using var first = new SemaphoreSlim(1, 1);
        using var second = new SemaphoreSlim(1, 1);
        int data1 = 0;
        int data2 = 0;
        SimTask reader = Sim.Spawn(async () =>
        {
            await Task.Yield();
            int seen1;
            await first.WaitAsync();
            try
            {
                seen1 = data1;
            }
            finally
            {
                first.Release();
            }

            if (seen1 == 0)
            {
                return;
            }

            await second.WaitAsync();
            try
            {
                if (data2 != seen1 + 1)
                {
                    throw new InvalidOperationException($"Reader saw data1 = {seen1} but data2 = {data2}.");
                }
            }
            finally
            {
                second.Release();
            }
        }, "reader");
        SimTask writer = Sim.Spawn(async () =>
        {
            await Task.Yield();
            await first.WaitAsync();
            try
            {
                data1 = 1;
            }
            finally
            {
                first.Release();
            }

            await Task.Yield(); // publish stage one
            await second.WaitAsync();
            try
            {
                data2 = data1 + 1;
            }
            finally
            {
                second.Release();
            }
        }, "writer");
        await reader;
        await writer;
    }
}
