using System;
using System.Collections.Concurrent;
using System.Threading;

namespace SimLoop;

// Work queued to the thread pool outside any step that no pool thread has taken yet, by the id the pool's events give
// it, while the listener reports. Every item the process queues passes through here, so an id takes one slot of a
// direct-mapped table: one compare-and-swap to record it or take it, no lock, no allocation. An id whose slot holds
// another goes to a dictionary. Some recorded items never come back (a Task a waiter runs inline has no dequeue
// event), so both parts are bounded: a slot keeps its stale id until the listener stops, and the dictionary starts
// over past OverflowMax. Each stale id is a 1 in 2^26 chance that a step's item is stopped (and its seed run again)
// for nothing.
internal static class ForeignWork
{
    private const int SlotBits = 14;
    private const int OverflowMax = 4096;

    // Ids are the items' hash codes, ints: keyed with the high bits set, no id is 0, the empty slot.
    private const long KeyBits = 0x5A5A_0000_0000_0000;

    private static readonly long[] s_slots = new long[1 << SlotBits];
    private static readonly ConcurrentDictionary<long, byte> s_overflow = new();
    private static int s_overflowCount;

    /// <summary>Records an item queued outside any step. A full fence: what the caller reads next is read after it.</summary>
    public static void Add(long id)
    {
        long key = id ^ KeyBits;
        long seen = Interlocked.CompareExchange(ref Slot(id), key, 0);
        if (seen == 0 || seen == key)
        {
            return; // recorded (an id already recorded stays recorded once: the pool's events cannot tell two apart)
        }

        if (s_overflow.TryAdd(id, 0) && Interlocked.Increment(ref s_overflowCount) > OverflowMax)
        {
            s_overflow.Clear();
            Volatile.Write(ref s_overflowCount, 0);
        }
    }

    /// <summary>A pool thread took an item under <paramref name="id"/>: forgets it.</summary>
    /// <returns>Whether an item under that id was recorded.</returns>
    public static bool Remove(long id)
    {
        long key = id ^ KeyBits;
        ref long slot = ref Slot(id);
        if (Volatile.Read(ref slot) == key && Interlocked.CompareExchange(ref slot, 0, key) == key)
        {
            return true;
        }

        if (Volatile.Read(ref s_overflowCount) > 0 && s_overflow.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref s_overflowCount);
            return true;
        }

        return false;
    }

    public static bool Contains(long id) =>
        Volatile.Read(ref Slot(id)) == (id ^ KeyBits) || (Volatile.Read(ref s_overflowCount) > 0 && s_overflow.ContainsKey(id));

    /// <summary>Forgets every item: the listener stops or starts, so their dequeues are not or were not reported.</summary>
    public static void Clear()
    {
        Array.Clear(s_slots);
        s_overflow.Clear();
        Volatile.Write(ref s_overflowCount, 0);
    }

    private static ref long Slot(long id) => ref s_slots[(int)(id & ((1 << SlotBits) - 1))];
}
