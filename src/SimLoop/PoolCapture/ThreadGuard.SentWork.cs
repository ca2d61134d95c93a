using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;

namespace SimLoop;

// Which simulation a work item the pool takes belongs to. The pool's events name an item by its hash code, which two
// live items can share: an item is taken for another only if both are pending under one id at once, and then the runs
// involved fail instead.
internal sealed partial class ThreadGuard
{
    // Work sent by a step of any running simulation, by the id the pool's events give it; the pool thread that
    // dequeues one looks it up here. The id is the item's hash code, which two live items can share: a second item
    // sent under an id that is still pending is not told apart, and fails the runs involved (see Expect).
    private static readonly ConcurrentDictionary<long, ThreadPoolArrival> s_sent = new();

    /// <summary>Registers work a step has just queued to the pool, so the thread that dequeues it waits for its turn.</summary>
    /// <returns><see langword="false"/> when another item is pending under the same id: neither can be told apart from
    /// the other, so both runs fail (loudly, rather than let one item run outside any step).</returns>
    public bool Expect(ThreadPoolArrival arrival)
    {
        if (!s_sent.TryAdd(arrival.WorkId, arrival))
        {
            if (IsPoolRequeue())
            {
                return false; // the same item, moved by the pool from a thread's local queue to its global queue
            }

            if (s_sent.TryGetValue(arrival.WorkId, out ThreadPoolArrival? other))
            {
                other.Guard.ReportAmbiguous(other, arrival);
            }

            ReportAmbiguous(arrival, arrival);
            return false;
        }

        lock (_gate)
        {
            (_pending ??= new HashSet<ThreadPoolArrival>(ReferenceEqualityComparer.Instance)).Add(arrival);
        }

        return true;
    }

    /// <summary>Work queued to the pool by a thread outside any step: if it shares its id with work a step sent and no
    /// pool thread has taken yet, the two cannot be told apart, and the run that sent the other fails.</summary>
    public static void OnForeignEnqueue(long workId)
    {
        if (s_sent.TryGetValue(workId, out ThreadPoolArrival? pending) && !IsPoolRequeue())
        {
            pending.Guard.Report($"work queued to the thread pool outside the simulation had the same id as work sent at step " +
                $"{pending.SentAtStep} that no pool thread had taken yet (the runtime takes the id from the item's hash " +
                "code), so SimLoop cannot tell which pool thread holds which; the run stopped rather than let either run " +
                "in the other's place. A work item type that overrides GetHashCode (an IThreadPoolWorkItem with value " +
                "equality) collides every time: give it reference identity. Otherwise two hash codes met by chance, and " +
                "the same seed runs clean again");
        }
    }

    /// <summary>On the pool thread that has just dequeued a work item: holds it if a step sent it, until its turn.</summary>
    public static void OnDequeued(long workId)
    {
        if (s_sent.TryGetValue(workId, out ThreadPoolArrival? arrival) && s_sent.TryRemove(workId, out arrival))
        {
            arrival.Guard.Admit(arrival);
        }
    }

    // A pool thread about to block moves the items of its local queue to the global queue, which reports each item's
    // enqueue again: the same item, not a second one. Rare (only on an id already pending), so a stack walk is cheap.
    private static bool IsPoolRequeue() =>
        new StackTrace(fNeedFileInfo: false).ToString().Contains("TransferAllLocalWorkItems", StringComparison.Ordinal);

    private void ReportAmbiguous(ThreadPoolArrival pending, ThreadPoolArrival sent) =>
        Report($"two work items sent to the thread pool (at step {pending.SentAtStep} and step {sent.SentAtStep}" +
               (ReferenceEquals(pending.Guard, sent.Guard) ? string.Empty : ", by different simulations") +
               ") were pending under the same id, which the runtime takes from the item's hash code, so SimLoop cannot " +
               "tell which pool thread holds which; the run stopped rather than let one run outside any step. A work " +
               "item type that overrides GetHashCode (an IThreadPoolWorkItem with value equality) collides every time: give " +
               "it reference identity. Otherwise two hash codes met by chance, and the same seed runs clean again");
}
