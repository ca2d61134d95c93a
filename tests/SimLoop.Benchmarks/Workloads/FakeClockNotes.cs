using Microsoft.Extensions.Time.Testing;

namespace SimLoop.Benchmarks.Workloads;

// The same two notes as a FakeTimeProvider user writes them: plain async methods over Task.Delay(t, time, token),
// driven by a loop that calls Advance until main is done (FakeTimeProvider never advances by itself).
internal static class FakeClockNotes
{
    private static readonly int[] SleepTimes = [2, 3, 4];

    /// <summary>The largest step that keeps both notes correct: the most favourable loop a user can write.</summary>
    public static readonly TimeSpan AdvanceStep = TimeSpan.FromSeconds(1);

    public static TimeSpan Drive(Func<FakeTimeProvider, Task> main)
    {
        // No SynchronizationContext (a test framework may have one): continuations then run inline in Advance, on
        // this thread, which is the only way FakeTimeProvider runs a program deterministically.
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            var time = new FakeTimeProvider();
            DateTimeOffset start = time.GetUtcNow();
            Task task = main(time);
            while (!task.IsCompleted)
            {
                time.Advance(AdvanceStep);
            }

            task.GetAwaiter().GetResult();
            return time.GetUtcNow() - start;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public static async Task CancelMe(TimeProvider time, TextWriter output)
    {
        using var source = new CancellationTokenSource();
        Task task = CancelMeAsync(time, output, source.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), time);
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

    public static async Task GetHtml(TimeProvider time, TextWriter output)
    {
        var tasks = new Task[SleepTimes.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Get(time, output, SleepTimes[i]);
        }

        await Task.WhenAll(tasks);
    }

    private static async Task CancelMe2(TimeProvider time, TextWriter output, CancellationToken token)
    {
        try
        {
            // Not Task.Delay(t, time, token): cancelled, that one resumes its awaiter on the thread pool, so the Advance
            // loop runs ahead of the program (measured: 9,999 s of virtual time instead of 1 s). WaitAsync resumes inline.
            await Task.Delay(TimeSpan.FromHours(1), time, CancellationToken.None).WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("cancel_me()2: cancel sleep");
            throw;
        }
    }

    private static async Task CancelMeAsync(TimeProvider time, TextWriter output, CancellationToken token)
    {
        output.WriteLine("cancel_me(): before sleep");
        try
        {
            await CancelMe2(time, output, token);
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

    private static async Task Get(TimeProvider time, TextWriter output, int sleepTime)
    {
        output.WriteLine("waiting");
        await Task.Delay(TimeSpan.FromSeconds(sleepTime), time);
        output.WriteLine($"done after {sleepTime}s");
    }
}
