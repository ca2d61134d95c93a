using System.Collections.Concurrent;

namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/UseAfterDisposeBug.cs: shutdown cancels the pump and disposes its connection without waiting.
internal sealed class UseAfterDisposePort : IPort
{
    private bool _disposed;

    public string Name => "use-after-dispose";

    public string Failure => nameof(ObjectDisposedException);

    public async Task Run()
    {
        var outbox = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        Task pump = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(10, stop.Token);
                    while (outbox.TryDequeue(out string? message))
                    {
                        await SendAsync(message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping while waiting for the next tick is the normal way out.
            }
        });

        outbox.Enqueue("hello");
        await Task.Delay(10); // run until shutdown
        await Task.Yield(); // flush the log
        await Task.Yield();
        await stop.CancelAsync();
        _disposed = true;
        await pump;
    }

    private async Task SendAsync(string message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await Task.Yield(); // the socket write completes
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ = message;
    }
}
