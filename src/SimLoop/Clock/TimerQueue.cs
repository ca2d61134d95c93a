using System.Collections.Generic;

namespace SimLoop;

// Pending timers as a binary min-heap ordered by (due ticks, creation sequence): O(log n) to add, remove or
// reschedule, O(1) to find the next due time. Each entry knows its heap index, so removal needs no search.
internal sealed class TimerQueue
{
    private TimerEntry[] _heap = new TimerEntry[16];
    private int _count;

    public int Count => _count;

    public long NextDueTicks => _count == 0 ? TimerEntry.NotScheduled : _heap[0].DueTicks;

    public void Add(TimerEntry entry)
    {
        Invariant.Assert(entry.HeapIndex < 0, "a timer is added to the queue only while not in it");
        Invariant.Assert(entry.DueTicks != TimerEntry.NotScheduled, "only a timer with a due time is queued");
        if (_count == _heap.Length)
        {
            System.Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[_count] = entry;
        entry.HeapIndex = _count;
        _count++;
        SiftUp(entry.HeapIndex);
    }

    public void Remove(TimerEntry entry)
    {
        int index = entry.HeapIndex;
        Invariant.Assert(index >= 0 && index < _count && ReferenceEquals(_heap[index], entry), "a removed timer was queued");
        _count--;
        entry.HeapIndex = -1;
        if (index != _count)
        {
            TimerEntry last = _heap[_count];
            _heap[index] = last;
            last.HeapIndex = index;
            SiftUp(index);
            SiftDown(last.HeapIndex);
        }

        _heap[_count] = null!;
    }

    /// <summary>Moves every timer due at exactly <paramref name="dueTicks"/> into <paramref name="batch"/>, in
    /// creation order, with the version each had when collected.</summary>
    public void TakeDue(long dueTicks, List<(TimerEntry Entry, int Version)> batch)
    {
        while (_count > 0 && _heap[0].DueTicks == dueTicks)
        {
            TimerEntry entry = _heap[0];
            Remove(entry);
            batch.Add((entry, entry.Version));
        }
    }

    private static bool Before(TimerEntry a, TimerEntry b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Sequence < b.Sequence);

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Before(_heap[index], _heap[parent]))
            {
                break;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            int left = (2 * index) + 1;
            int smallest = index;
            if (left < _count && Before(_heap[left], _heap[smallest]))
            {
                smallest = left;
            }

            if (left + 1 < _count && Before(_heap[left + 1], _heap[smallest]))
            {
                smallest = left + 1;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heap[a].HeapIndex = a;
        _heap[b].HeapIndex = b;
    }
}
