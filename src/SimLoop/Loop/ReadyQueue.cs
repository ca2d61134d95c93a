using System;
using System.Threading;

namespace SimLoop;

// Work items that can run now, in posting order. A ring buffer of structs, so posting a continuation allocates
// nothing once the buffer has grown. Taking an item from the middle (Random, Pct) moves the head item into its
// slot: O(1), and the order that results is still a pure function of the run so far. Pct keeps its heap of the
// items' priorities in step with the queue (Attach), so the queue tells it where each item is.
internal sealed class ReadyQueue
{
    private WorkItem[] _items = new WorkItem[8]; // small: a short simulation pays for what it uses; doubling is amortized
    private int _head;
    private int _count;
    private long _lastSequence;
    private ReadyPriorities? _priorities;

    public int Count => _count;

    public ref readonly WorkItem this[int index]
    {
        get
        {
            Invariant.Assert((uint)index < (uint)_count, "a ready item is read within the queue");
            return ref _items[(_head + index) & (_items.Length - 1)];
        }
    }

    public void Enqueue(in WorkItem item) => Enqueue(item.Callback, item.State, item.Owner, item.Sequence, item.Kind);

    /// <summary>Queues an item made of these fields, built in its slot rather than copied there.</summary>
    public void Enqueue(SendOrPostCallback callback, object? state, SimTask? owner, long sequence, TraceEventKind kind)
    {
        Invariant.Assert(sequence > _lastSequence, "work items are posted in increasing sequence");
        _lastSequence = sequence;
        if (_count == _items.Length)
        {
            Grow();
        }

        int slot = (_head + _count) & (_items.Length - 1);
        ref WorkItem entry = ref _items[slot];
        entry = new WorkItem(callback, state, owner, sequence, kind);
        _count++;
        _priorities?.Add(slot, entry);
    }

    /// <summary>Gets the index of the item in ring slot <paramref name="slot"/>, as this queue's indexer counts.</summary>
    public int IndexOfSlot(int slot)
    {
        int index = (slot - _head) & (_items.Length - 1);
        Invariant.Assert(index < _count, "a slot Pct chose holds a ready item");
        return index;
    }

    /// <summary>Keeps <paramref name="priorities"/> in step with this queue from now on, starting from the items
    /// ready now, whose priorities it reads afresh.</summary>
    public void Attach(ReadyPriorities priorities)
    {
        Invariant.Assert(_priorities is null || _priorities == priorities, "one heap of priorities follows a ready queue");
        _priorities = priorities;
        priorities.Clear(_items.Length);
        for (int i = 0; i < _count; i++)
        {
            int slot = (_head + i) & (_items.Length - 1);
            priorities.Add(slot, _items[slot]);
        }
    }

    public WorkItem RemoveAt(int index)
    {
        Invariant.Assert((uint)index < (uint)_count, "a chosen ready item is within the queue");
        WorkItem item = this[index];
        Remove(index);
        return item;
    }

    /// <summary>Takes the item at <paramref name="index"/> out of the queue; the loop reads its fields in place first
    /// (through the indexer), so a step copies no work item.</summary>
    public void Remove(int index)
    {
        Invariant.Assert((uint)index < (uint)_count, "a chosen ready item is within the queue");
        WorkItem[] items = _items;
        int mask = items.Length - 1;
        int slot = (_head + index) & mask;
        Invariant.Assert(items[slot].Sequence != 0, "a chosen ready item was queued");
        _priorities?.Remove(slot, items[slot], index != 0 ? _head : -1);
        if (index != 0)
        {
            items[slot] = items[_head];
        }

        items[_head] = default;
        _head = (_head + 1) & mask;
        _count--;
    }

    private void Grow()
    {
        var larger = new WorkItem[_items.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            larger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _priorities?.Relayout(_head, _items.Length, larger.Length);
        _items = larger;
        _head = 0;
    }
}
