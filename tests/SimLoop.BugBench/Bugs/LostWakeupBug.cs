namespace SimLoop.BugBench.Bugs;

// A lost wake-up: the mailbox's receiver checks for a message, logs that it is going to wait (an await), and only
// then installs the TaskCompletionSource a sender completes. A message posted inside that window finds no waiter,
// and the receiver waits forever: SimLoop reports the deadlock. In Fifo order the message is posted before the check.
internal sealed class LostWakeupBug : IBug
{
    public string Name => "lost-wakeup";

    public string Description => "The receiver installs its wake-up signal after an await that follows its check; a message sent in between is never noticed.";

    public string Origin => "Async pattern: lost wake-up";

    public Type Failure => typeof(SimulationDeadlockException);

    public int Depth => 2;

    public async Task Run()
    {
        var mailbox = new Mailbox();
        SimTask<string> receiver = Sim.Spawn(async () =>
        {
            await Task.Yield(); // open the session
            await Task.Yield();
            return await mailbox.ReceiveAsync();
        }, "receiver");
        SimTask sender = Sim.Spawn(async () =>
        {
            await Task.Yield(); // build the message
            mailbox.Post("hello");
        }, "sender");
        await sender;
        await receiver;
    }

    private sealed class Mailbox
    {
        private readonly Queue<string> _messages = new();
        private TaskCompletionSource? _waiter;

        public void Post(string message)
        {
            _messages.Enqueue(message);
            _waiter?.TrySetResult();
        }

        public async Task<string> ReceiveAsync()
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
}
