namespace SimLoop.Benchmarks.Workloads;

// The notes' cancel_me and get_html, line for line like SimLoop's ports in src/SimLoop.Examples/Notes, over any
// runtime: a CancellationTokenSource stands in for task.cancel(), since neither the floor nor FakeTimeProvider has
// task handles. Generic over a struct runtime, so no call goes through an interface.
internal static class NotePrograms
{
    private static readonly int[] SleepTimes = [2, 3, 4];

    public static async Task CancelMe<TRuntime>(TRuntime runtime, TextWriter output)
        where TRuntime : struct, INoteRuntime
    {
        using var source = new CancellationTokenSource();
        Task task = runtime.Spawn(() => CancelMeAsync(runtime, output, source.Token));
        await runtime.Delay(TimeSpan.FromSeconds(1));
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

    public static async Task GetHtml<TRuntime>(TRuntime runtime, TextWriter output)
        where TRuntime : struct, INoteRuntime
    {
        var tasks = new Task[SleepTimes.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            int sleepTime = SleepTimes[i];
            tasks[i] = runtime.Spawn(() => Get(runtime, output, sleepTime));
        }

        await Task.WhenAll(tasks);
    }

    private static async Task CancelMe2<TRuntime>(TRuntime runtime, TextWriter output, CancellationToken token)
        where TRuntime : struct, INoteRuntime
    {
        try
        {
            await runtime.Delay(TimeSpan.FromHours(1), token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("cancel_me()2: cancel sleep");
            throw;
        }
    }

    private static async Task CancelMeAsync<TRuntime>(TRuntime runtime, TextWriter output, CancellationToken token)
        where TRuntime : struct, INoteRuntime
    {
        output.WriteLine("cancel_me(): before sleep");
        try
        {
            await CancelMe2(runtime, output, token);
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

    private static async Task Get<TRuntime>(TRuntime runtime, TextWriter output, int sleepTime)
        where TRuntime : struct, INoteRuntime
    {
        output.WriteLine("waiting");
        await runtime.Delay(TimeSpan.FromSeconds(sleepTime));
        output.WriteLine($"done after {sleepTime}s");
    }
}
