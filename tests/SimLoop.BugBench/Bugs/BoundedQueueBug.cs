namespace SimLoop.BugBench.Bugs;

// A hand-rolled bounded queue whose producers wait for space with `if` instead of `while`: one "space freed"
// signal (a TaskCompletionSource) wakes every waiting producer, and each enqueues without checking again. Needs
// two producers waiting on a full queue at once; in Fifo order the second producer always finds space.
internal sealed class BoundedQueueBug : IBug
{
    public string Name => "bounded-queue";

    public string Description => "Producers wait for space with `if`, not `while`: one signal wakes two and the queue overflows.";

    public string Origin => "SCTBench bounded buffer";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        var queue = new BoundedQueue<int>(capacity: 1);
        SimTask consumer = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 4; i++)
            {
                await queue.DequeueAsync();
                await Task.Yield(); // handle the item
            }
        }, "consumer");
        SimTask[] producers =
        [
            Sim.Spawn(async () =>
            {
                await queue.EnqueueAsync(1);
                await queue.EnqueueAsync(2);
            }, "producer#1"),
            Sim.Spawn(async () =>
            {
                await Task.Yield(); // build the item
                await Task.Yield();
                await queue.EnqueueAsync(3);
                await queue.EnqueueAsync(4);
            }, "producer#2"),
        ];
        await consumer;
        foreach (SimTask producer in producers)
        {
            await producer;
        }

        if (queue.HighWater > queue.Capacity)
        {
            throw new InvalidOperationException($"The queue held {queue.HighWater} items; its capacity is {queue.Capacity}.");
        }
    }

    private sealed class BoundedQueue<T>(int capacity)
    {
        private readonly Queue<T> _items = new();
        private TaskCompletionSource _spaceFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _itemAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Capacity => capacity;

        public int HighWater { get; private set; }

        public async Task EnqueueAsync(T item)
        {
            if (_items.Count >= capacity) // the bug: `while` would check again after waking
            {
                await _spaceFreed.Task;
            }

            _items.Enqueue(item);
            HighWater = Math.Max(HighWater, _items.Count);

            Signal(ref _itemAdded);
        }

        public async Task<T> DequeueAsync()
        {
            while (_items.Count == 0)
            {
                await _itemAdded.Task;
            }

            T item = _items.Dequeue();
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
}
