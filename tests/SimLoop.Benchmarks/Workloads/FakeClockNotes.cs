using Microsoft.Extensions.Time.Testing;

namespace SimLoop.Benchmarks.Workloads;

// The same two notes as a FakeTimeProvider user writes them: plain async methods over Task.Delay(t, time, token),
// driven by a loop that calls Advance until main is done (FakeTimeProvider never advances by itself).
internal static class FakeClockNotes
{
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

    public static Task CancelMe(TimeProvider time, TextWriter output) => NotePrograms.CancelMe(new Runtime(time), output);

    public static Task GetHtml(TimeProvider time, TextWriter output) => NotePrograms.GetHtml(new Runtime(time), output);

    // Plain async methods: a "spawned" task is just called. Not Task.Delay(t, time, token): cancelled, that one
    // resumes its awaiter on the thread pool, so the Advance loop runs ahead of the program (measured: 9,999 s of
    // virtual time instead of 1 s). WaitAsync resumes inline.
    private readonly struct Runtime(TimeProvider time) : INoteRuntime
    {
        public Task Spawn(Func<Task> body) => body();

        public Task Delay(TimeSpan delay, CancellationToken token = default) =>
            token.CanBeCanceled
                ? Task.Delay(delay, time, CancellationToken.None).WaitAsync(token)
                : Task.Delay(delay, time, CancellationToken.None);
    }
}
