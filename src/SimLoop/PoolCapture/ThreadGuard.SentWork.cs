using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace SimLoop;

// Which simulation a work item the pool takes belongs to. The pool's events name an item by its hash code, which two
// live items can share. Whenever a step's item and another item could be pending under one id at once, in whichever
// order they were queued, the run fails as a chance collision (the runners run the seed again) rather than let one
// item run in the other's place.
internal sealed partial class ThreadGuard
{
    // Work sent by a step of any running simulation, by the id the pool's events give it; the pool thread that
    // dequeues one looks it up here.
    private static readonly ConcurrentDictionary<long, ThreadPoolArrival> s_sent = new();

    // Ids of work a running simulation has taken as its own, until that run ends. An item under such an id that no
    // report accounts for (queued before the listener reported, or forgotten) may be the run's own item, taken second.
    private static readonly ConcurrentDictionary<long, ThreadGuard> s_admitted = new();

    // The ids this run has in s_admitted. Guarded by _gate.
    private List<long>? _admitted;

    /// <summary>Registers work a step has just queued to the pool, so the thread that dequeues it waits for its turn.</summary>
    /// <returns><see langword="false"/> when the item is not the step's to hold: the pool moving an item it already
    /// reported, or another item pending under the same id, which fails the runs involved.</returns>
    public bool Expect(ThreadPoolArrival arrival)
    {
        long id = arrival.WorkId;
        if (!s_sent.TryAdd(id, arrival))
        {
            if (IsPoolRequeue())
            {
                return false; // the same item, moved by the pool from a thread's local queue to its global queue
            }

            if (s_sent.TryGetValue(id, out ThreadPoolArrival? other))
            {
                other.Guard.ReportAmbiguous(other, arrival);
            }

            ReportAmbiguous(arrival, arrival);
            return false;
        }

        // Published before reading the foreign record, as OnForeignEnqueue publishes before reading this one: of a
        // step's item and a foreign one queued at once under one id, at least one side sees the other.
        Interlocked.MemoryBarrier();
        if (ForeignWork.Contains(id))
        {
            s_sent.TryRemove(new KeyValuePair<long, ThreadPoolArrival>(id, arrival));
            if (IsPoolRequeue())
            {
                return false; // a foreign item from this pool thread's local queue, moved while it runs the step
            }

            ReportByChance($"work sent to the thread pool at step {arrival.SentAtStep} had the same id as work queued " +
                "outside the simulation that no pool thread had taken yet");
            return false;
        }

        lock (_gate)
        {
            (_pending ??= new HashSet<ThreadPoolArrival>(ReferenceEqualityComparer.Instance)).Add(arrival);
        }

        return true;
    }

    /// <summary>Work queued to the thread pool by a thread outside any step: recorded until a pool thread takes it,
    /// and if it shares its id with work a step sent that no pool thread has taken yet, that run fails.</summary>
    public static void OnForeignEnqueue(long workId)
    {
        ForeignWork.Add(workId); // a full fence: see Expect
        if (s_sent.TryGetValue(workId, out ThreadPoolArrival? pending))
        {
            if (IsPoolRequeue())
            {
                ForeignWork.Remove(workId); // the step's own item, moved between the pool's queues
                return;
            }

            pending.Guard.ReportByChance($"work queued to the thread pool outside the simulation had the same id as work " +
                $"sent at step {pending.SentAtStep} that no pool thread had taken yet");
        }
    }

    /// <summary>On the pool thread that has just dequeued a work item: holds it if a step sent it, until its turn.</summary>
    public static void OnDequeued(long workId)
    {
        if (s_sent.TryGetValue(workId, out ThreadPoolArrival? arrival) && s_sent.TryRemove(workId, out arrival))
        {
            arrival.Guard.Admit(arrival);
        }
        else if (!ForeignWork.Remove(workId) && s_admitted.TryGetValue(workId, out ThreadGuard? taker))
        {
            taker.ReportByChance("a pool thread took a work item under the same id as work the simulation had already " +
                "taken as its own, and no report accounts for it (it was queued while SimLoop did not record the pool's work)");
        }
    }

    // Under _gate, on the pool thread that holds the run's item.
    private void RecordAdmitted(long workId)
    {
        (_admitted ??= new List<long>()).Add(workId);
        s_admitted[workId] = this;
    }

    // Under _gate, as the run ends.
    private void ForgetAdmitted()
    {
        if (_admitted is null)
        {
            return;
        }

        foreach (long id in _admitted)
        {
            s_admitted.TryRemove(new KeyValuePair<long, ThreadGuard>(id, this));
        }

        _admitted.Clear();
    }

    // A pool thread about to block moves the items of its local queue to the global queue, which reports each item's
    // enqueue again: the same item, not a second one. Rare (only on an id already pending), so a stack walk is cheap.
    private static bool IsPoolRequeue() =>
        new StackTrace(fNeedFileInfo: false).ToString().Contains("TransferAllLocalWorkItems", StringComparison.Ordinal);

    private void ReportAmbiguous(ThreadPoolArrival pending, ThreadPoolArrival sent) =>
        ReportByChance($"two work items sent to the thread pool (at step {pending.SentAtStep} and step {sent.SentAtStep}" +
            (ReferenceEquals(pending.Guard, sent.Guard) ? string.Empty : ", by different simulations") +
            ") were pending under the same id");

    private void ReportByChance(string what) =>
        Report(what + ", which the runtime takes from the item's hash code, so SimLoop cannot tell which pool thread holds " +
            "which; the run stopped rather than let one item run in the other's place. Two hash codes met by chance: the " +
            "same seed runs clean again (the seed runners do that by themselves). A work item type that overrides " +
            "GetHashCode (an IThreadPoolWorkItem with value equality) collides every time: give it reference identity", byChance: true);
}
