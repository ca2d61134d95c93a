namespace SimLoop.Tests.Loop;

// Builds ready-queue contents for the tests of the queue and of the strategies, so that a change to how a work
// item is made is fixed here once.
internal static class ReadyItems
{
    public static WorkItem Item(long sequence) =>
        new(callback: static _ => { }, state: null, owner: null, sequence, TraceEventKind.Continuation);

    /// <summary>A queue holding items with sequences 1 to <paramref name="count"/>, in that order.</summary>
    public static ReadyQueue Queue(int count)
    {
        var queue = new ReadyQueue();
        for (long sequence = 1; sequence <= count; sequence++)
        {
            queue.Enqueue(Item(sequence));
        }

        return queue;
    }

    public static List<long> Sequences(ReadyQueue queue) =>
        [.. Enumerable.Range(0, queue.Count).Select(i => queue[i].Sequence)];
}
