namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/BoundedQueueBug.cs: producers wait for space with `if`, not `while`: one signal wakes two.
internal sealed class BoundedQueuePort : IPort
{
    private const int Capacity = 1;
    private readonly Queue<int> _items = new();
    private TaskCompletionSource _spaceFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _itemAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _highWater;

    public string Name => "bounded-queue";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        _items.Clear();
        _highWater = 0;
        _spaceFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _itemAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Task consumer = Task.Run(async () =>
        {
            for (int i = 0; i < 4; i++)
            {
                await DequeueAsync();
                await Task.Yield(); // handle the item
            }
        });
        Task first = Task.Run(async () =>
        {
            await EnqueueAsync(1);
            await EnqueueAsync(2);
        });
        Task second = Task.Run(async () =>
        {
            await Task.Yield(); // build the item
            await Task.Yield();
            await EnqueueAsync(3);
            await EnqueueAsync(4);
        });
        await consumer;
        await first;
        await second;
        if (_highWater > Capacity)
        {
            throw new InvalidOperationException($"The queue held {_highWater} items; its capacity is {Capacity}.");
        }
    }

    private async Task EnqueueAsync(int item)
    {
        if (_items.Count >= Capacity) // the bug: `while` would check again after waking
        {
            await _spaceFreed.Task;
        }

        _items.Enqueue(item);
        _highWater = Math.Max(_highWater, _items.Count);
        Signal(ref _itemAdded);
    }

    private async Task<int> DequeueAsync()
    {
        while (_items.Count == 0)
        {
            await _itemAdded.Task;
        }

        int item = _items.Dequeue();
        Signal(ref _spaceFreed);
        return item;
    }

    private static void Signal(ref TaskCompletionSource signal)
    {
        TaskCompletionSource waiters = signal;
        signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.TrySetResult();
    }
}
