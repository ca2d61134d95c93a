using System;

namespace SimLoop;

// The ready items in the order Pct chooses them: the highest task priority first, the oldest (lowest sequence)
// first among equal priorities. A binary max-heap over the ready queue's slots, kept in step with the queue as items
// become ready, run and move, so Pct finds its choice in O(log n) instead of scanning every ready item on every
// step. Sequences are unique, so the order is total and the top is the very item the scan would find. A priority is
// copied in when its item becomes ready; Pct lowers a task's priority only at a change point, and then reloads the
// heap from the queue (at most depth - 1 times a run). Under Pos the priority is the item's own, drawn as it becomes
// ready, and never reloaded.
internal sealed class ReadyPriorities
{
    // Pos: each item's own priority, drawn as it becomes ready; null under Pct, which reads its task's.
    private readonly Prng? _draws;

    private Entry[] _heap = new Entry[16];

    // Heap positions in use, the hole at the root included.
    private int _size;
    private bool _hole;

    // For each slot of the ready queue's ring: 1 + the heap position of its entry, or 0 when the slot is empty.
    private int[] _entryOfSlot = Array.Empty<int>();

    /// <param name="draws">Where each item's priority is drawn from as it becomes ready (Pos); null to take its
    /// task's (Pct).</param>
    public ReadyPriorities(Prng? draws = null)
    {
        _draws = draws;
    }

    public int Count => _hole ? _size - 1 : _size;

    /// <summary>Gets the priority an item runs at under Pct: its task's, or, for work of no task (sim.At actions,
    /// the environment acting), above every task's.</summary>
    public static long Priority(in WorkItem item) => item.Owner?.Priority ?? long.MaxValue;

    /// <summary>Returns the ready queue's slot of the item Pct runs next, and the priority it was added with.</summary>
    public (int Slot, long Priority) Highest()
    {
        FillHole();
        Invariant.Assert(_size > 0, "Pct chooses among ready items");
        return (_heap[0].Slot, _heap[0].Priority);
    }

    /// <summary>Forgets every entry; the ready queue's ring now has <paramref name="slots"/> slots.</summary>
    public void Clear(int slots)
    {
        Array.Clear(_heap, 0, _size);
        _size = 0;
        _hole = false;
        _entryOfSlot = new int[slots];
    }

    /// <summary>An item became ready in <paramref name="slot"/>.</summary>
    public void Add(int slot, in WorkItem item)
    {
        Invariant.Assert(_entryOfSlot[slot] == 0, "a ready queue slot is added to Pct's heap while empty");
        var entry = new Entry(_draws is null ? Priority(item) : (long)(_draws.NextUInt64() >> 1), item.Sequence, slot);
        if (_hole)
        {
            _hole = false;
            Place(0, entry);
            SiftDown(0);
            return;
        }

        if (_size == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        Place(_size, entry);
        _size++;
        SiftUp(_size - 1);
    }

    /// <summary>The item in <paramref name="slot"/> was taken; the item in <paramref name="movedFrom"/>, if not -1,
    /// moved into <paramref name="slot"/>.</summary>
    public void Remove(int slot, in WorkItem item, int movedFrom)
    {
        int index = _entryOfSlot[slot] - 1;
        Invariant.Assert(index >= 0 && _heap[index].Sequence == item.Sequence, "a taken ready item was in Pct's heap");
        if (index == 0)
        {
            _hole = true;
            _heap[0] = default;
        }
        else
        {
            FillHole();
            RemoveAt(_entryOfSlot[slot] - 1);
        }

        _entryOfSlot[slot] = 0;
        if (movedFrom >= 0 && movedFrom != slot)
        {
            int moved = _entryOfSlot[movedFrom] - 1;
            Invariant.Assert(moved >= 0, "the item moved into a taken slot was in Pct's heap");
            _heap[moved] = _heap[moved] with { Slot = slot };
            _entryOfSlot[slot] = moved + 1;
            _entryOfSlot[movedFrom] = 0;
        }
    }

    /// <summary>The ready queue's ring grew to <paramref name="slots"/> slots, its items now in posting order from
    /// slot 0; before, they started at <paramref name="oldHead"/> in a ring of <paramref name="oldSlots"/>.</summary>
    public void Relayout(int oldHead, int oldSlots, int slots)
    {
        FillHole();
        _entryOfSlot = new int[slots];
        for (int i = 0; i < _size; i++)
        {
            int slot = (_heap[i].Slot - oldHead) & (oldSlots - 1);
            _heap[i] = _heap[i] with { Slot = slot };
            _entryOfSlot[slot] = i + 1;
        }
    }

    // Moves the last entry into the hole at the root, when there is one, and sifts it down.
    private void FillHole()
    {
        if (!_hole)
        {
            return;
        }

        _hole = false;
        _size--;
        if (_size > 0)
        {
            Place(0, _heap[_size]);
            _heap[_size] = default;
            SiftDown(0);
        }
    }

    private void RemoveAt(int index)
    {
        _size--;
        if (index < _size)
        {
            Place(index, _heap[_size]);
            if (!SiftUp(index))
            {
                SiftDown(index);
            }
        }

        _heap[_size] = default;
    }

    // Moves the entry at index up while it beats its parent; returns whether it moved.
    private bool SiftUp(int index)
    {
        int start = index;
        Entry entry = _heap[index];
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            if (!Before(entry, _heap[parent]))
            {
                break;
            }

            Place(index, _heap[parent]);
            index = parent;
        }

        Place(index, entry);
        return index != start;
    }

    private void SiftDown(int index)
    {
        Entry entry = _heap[index];
        while (true)
        {
            int child = (2 * index) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], entry))
            {
                break;
            }

            Place(index, _heap[child]);
            index = child;
        }

        Place(index, entry);
    }

    private void Place(int index, in Entry entry)
    {
        _heap[index] = entry;
        _entryOfSlot[entry.Slot] = index + 1;
    }

    private static bool Before(in Entry a, in Entry b) =>
        a.Priority > b.Priority || (a.Priority == b.Priority && a.Sequence < b.Sequence);

    private readonly record struct Entry(long Priority, long Sequence, int Slot);
}
