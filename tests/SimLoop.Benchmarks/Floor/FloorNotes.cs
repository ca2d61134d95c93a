namespace SimLoop.Benchmarks.Floor;

// The notes' cancel_me and get_html written against the floor's own API, line for line like SimLoop's ports in
// src/SimLoop.Examples/Notes: a CancellationTokenSource stands in for task.cancel(), since the floor has no task handles.
internal static class FloorNotes
{
    private static readonly int[] SleepTimes = [2, 3, 4];

    public static async Task CancelMe(FloorLoop loop, TextWriter output)
    {
        using var source = new CancellationTokenSource();
        Task task = loop.Spawn(() => CancelMeAsync(loop, output, source.Token));
        await loop.Delay(TimeSpan.FromSeconds(1));
        source.Cancel(); // not CancelAsync: that runs the callbacks on the thread pool
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("main(): cancel_me is cancelled now");
        }
    }

    public static async Task GetHtml(FloorLoop loop, TextWriter output)
    {
        var tasks = new Task[SleepTimes.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            int sleepTime = SleepTimes[i];
            tasks[i] = loop.Spawn(() => Get(loop, output, sleepTime));
        }

        await Task.WhenAll(tasks);
    }

    private static async Task CancelMe2(FloorLoop loop, TextWriter output, CancellationToken token)
    {
        try
        {
            await loop.Delay(TimeSpan.FromHours(1), token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("cancel_me()2: cancel sleep");
            throw;
        }
    }

    private static async Task CancelMeAsync(FloorLoop loop, TextWriter output, CancellationToken token)
    {
        output.WriteLine("cancel_me(): before sleep");
        try
        {
            await CancelMe2(loop, output, token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("cancel_me(): cancel sleep");
            throw;
        }
        finally
        {
            output.WriteLine("cancel_me(): after sleep");
        }
    }

    private static async Task Get(FloorLoop loop, TextWriter output, int sleepTime)
    {
        output.WriteLine("waiting");
        await loop.Delay(TimeSpan.FromSeconds(sleepTime));
        output.WriteLine($"done after {sleepTime}s");
    }
}
