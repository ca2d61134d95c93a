using System.Collections.Concurrent;

namespace SimLoop.BugBench.Bugs;

// Use after dispose on cancellation: every 10 ms a pump sends what is in the outbox. Shutdown, also at 10 ms, flushes
// its log (two awaits), then cancels the pump's token and disposes the connection at once, trusting cancellation to
// stop the pump. It does while the pump waits for its next tick; a pump caught mid-send resumes on a disposed
// connection. In Fifo order the send has finished before shutdown cancels.
internal sealed class UseAfterDisposeBug : IBug
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(10);

    public string Name => "use-after-dispose";

    public string Description => "Shutdown cancels the pump and disposes its connection without waiting; a pump mid-send writes to the disposed connection.";

    public string Origin => "Async pattern: use after dispose on cancellation";

    public Type Failure => typeof(ObjectDisposedException);

    public int Depth => 2;

    public async Task Run()
    {
        var outbox = new ConcurrentQueue<string>();
        var connection = new Connection();
        using var stop = new CancellationTokenSource();
        SimTask pump = Sim.Spawn(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(s_tick, Sim.Clock, stop.Token);
                    while (outbox.TryDequeue(out string? message))
                    {
                        await connection.SendAsync(message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping while waiting for the next tick is the normal way out.
            }
        }, "pump");

        outbox.Enqueue("hello");
        await Task.Delay(s_tick, Sim.Clock); // run until shutdown
        await Task.Yield(); // flush the log
        await Task.Yield();
        stop.Cancel();
        connection.Dispose();
        await pump;
    }

    private sealed class Connection : IDisposable
    {
        private bool _disposed;

        public async Task SendAsync(string message)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await Task.Yield(); // the socket write completes
            ObjectDisposedException.ThrowIf(_disposed, this);
            _ = message;
        }

        public void Dispose() => _disposed = true;
    }
}
