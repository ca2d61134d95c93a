namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/TwoStageBug.cs: a writer updates two fields under two locks with an await between; a reader sees stage one only.
internal sealed class TwoStagePort : IPort
{
    public string Name => "twostage";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        using var first = new SemaphoreSlim(1, 1);
        using var second = new SemaphoreSlim(1, 1);
        int data1 = 0;
        int data2 = 0;
        Task reader = Task.Run(async () =>
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
        });
        Task writer = Task.Run(async () =>
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
        });
        await reader;
        await writer;
    }
}
