using System.Collections.Generic;

namespace SimLoop;

// Pending timers as a binary min-heap of (due ticks, timer) structs ordered by (due ticks, creation sequence). The
// due time sits inline in the heap, so sifting compares array slots without touching the timers (with a million
// sleepers every touch would be a cache miss); only timers due at the same tick read their sequence. Removal is
// lazy: a removed or rescheduled timer leaves its slot behind, skipped when it reaches the top, and the heap is
// rebuilt from its live slots once they are fewer than the stale ones. A slot is live while its timer is queued at
// the slot's due time; a timer taken off and put back at the same time may leave two such slots, which are equal
// in every field, so either may fire it, and the other is stale once it has.
internal sealed class TimerQueue
{
    private const int SmallestRebuild = 64;

    private Slot[] _heap = new Slot[4];
    private int _count;
    private int _live;

    /// <summary>Gets the number of timers queued.</summary>
    public int Count => _live;

    /// <summary>Gets the number of heap slots, live and stale (what the queue's memory grows with).</summary>
    internal int SlotCount => _count;

    public long NextDueTicks => _live == 0 ? TimerEntry.NotScheduled : _heap[0].DueTicks;

    public void Add(TimerEntry entry)
    {
        Invariant.Assert(!entry.IsQueued, "a timer is added to the queue only while not in it");
        Invariant.Assert(entry.DueTicks != TimerEntry.NotScheduled, "only a timer with a due time is queued");
        if (_count == _heap.Length)
        {
            System.Array.Resize(ref _heap, _heap.Length * 2);
        }

        entry.IsQueued = true;
        _live++;
        _heap[_count] = new Slot(entry.DueTicks, entry);
        _count++;
        SiftUp(_count - 1);
    }

    public void Remove(TimerEntry entry)
    {
        Invariant.Assert(entry.IsQueued && _live > 0, "a removed timer was queued");
        entry.IsQueued = false;
        _live--;
        DropStaleTop();
        if (_count - _live > _live && _count > SmallestRebuild)
        {
            Rebuild();
        }
    }

    /// <summary>Moves every timer due at exactly <paramref name="dueTicks"/> into <paramref name="batch"/>, in
    /// creation order, with the version each had when collected.</summary>
    public void TakeDue(long dueTicks, List<(TimerEntry Entry, int Version)> batch)
    {
        while (_live > 0 && _heap[0].DueTicks == dueTicks)
        {
            TimerEntry entry = _heap[0].Entry;
            entry.IsQueued = false;
            _live--;
            batch.Add((entry, entry.Version));
            PopTop();
            DropStaleTop();
        }
    }

    private static bool IsLive(in Slot slot) => slot.Entry.IsQueued && slot.Entry.DueTicks == slot.DueTicks;

    private static bool Before(in Slot a, in Slot b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Entry.Sequence < b.Entry.Sequence);

    // Keeps the top live, so the next due time is read in O(1).
    private void DropStaleTop()
    {
        while (_count > 0 && !IsLive(_heap[0]))
        {
            PopTop();
        }

        Invariant.Assert(_count > 0 || _live == 0, "every queued timer has a slot in the heap");
    }

    private void PopTop()
    {
        _count--;
        _heap[0] = _heap[_count];
        _heap[_count] = default;
        if (_count > 0)
        {
            SiftDown(0);
        }
    }

    // Keeps the live slots, one per queued timer, and heapifies them; the order of the timers is a pure function of
    // their (due, sequence) keys, whatever the layout, so a rebuild never changes which timer fires next.
    private void Rebuild()
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            Slot slot = _heap[i];
            if (IsLive(slot) && !slot.Entry.IsKept)
            {
                slot.Entry.IsKept = true;
                _heap[kept++] = slot;
            }
        }

        System.Array.Clear(_heap, kept, _count - kept);
        _count = kept;
        Invariant.Assert(_count == _live, "a rebuilt timer heap holds every queued timer once");
        for (int i = 0; i < _count; i++)
        {
            _heap[i].Entry.IsKept = false;
        }

        for (int i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftUp(int index)
    {
        Slot moving = _heap[index];
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Before(moving, _heap[parent]))
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = moving;
    }

    private void SiftDown(int index)
    {
        Slot moving = _heap[index];
        while (true)
        {
            int child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], moving))
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = moving;
    }

    private readonly record struct Slot(long DueTicks, TimerEntry Entry);
}
