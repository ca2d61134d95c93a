namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/LostWakeupBug.cs: the receiver installs its wake-up signal after an await that follows its check.
internal sealed class LostWakeupPort : IPort
{
    private readonly Queue<string> _messages = new();
    private TaskCompletionSource? _waiter;

    public string Name => "lost-wakeup";

    public string Failure => "Deadlock";

    public async Task Run()
    {
        _messages.Clear();
        _waiter = null;
        Task<string> receiver = Task.Run(async () =>
        {
            await Task.Yield(); // open the session
            await Task.Yield();
            return await ReceiveAsync();
        });
        Task sender = Task.Run(async () =>
        {
            await Task.Yield(); // build the message
            _messages.Enqueue("hello");
            _waiter?.TrySetResult();
        });
        await sender;
        await receiver;
    }

    private async Task<string> ReceiveAsync()
    {
        while (true)
        {
            if (_messages.TryDequeue(out string? message))
            {
                return message;
            }

            await Task.Yield(); // log "waiting for mail"
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _waiter.Task;
        }
    }
}
