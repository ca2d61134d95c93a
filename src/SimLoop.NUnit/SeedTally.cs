using System.Collections.Generic;
using System.Linq;

namespace SimLoop;

// What a seed run keeps of its outcomes: how many ran and failed, and the failures of the lowest case indexes, at
// most FailuresKept of them. Passing outcomes are counted, not kept, so memory does not grow with the seed count.
// Workers record from several threads; one lock guards it all, since a seed's run costs far more than the lock.
internal sealed class SeedTally
{
    public const int FailuresKept = 1000;

    private readonly object _gate = new();

    // A max-heap on the case index: the kept failure with the highest index is the one to drop for a lower one.
    private readonly PriorityQueue<(int Index, SeedOutcome Outcome), int> _failures = new(Comparer<int>.Create(static (a, b) => b.CompareTo(a)));
    private int _ran;
    private int _failed;

    public int Ran
    {
        get
        {
            lock (_gate)
            {
                return _ran;
            }
        }
    }

    public int Failed
    {
        get
        {
            lock (_gate)
            {
                return _failed;
            }
        }
    }

    public void Record(int index, SeedOutcome outcome)
    {
        lock (_gate)
        {
            _ran++;
            if (!outcome.Failed)
            {
                return;
            }

            _failed++;
            if (_failures.Count < FailuresKept)
            {
                _failures.Enqueue((index, outcome), index);
            }
            else if (_failures.TryPeek(out _, out int highest) && index < highest)
            {
                _failures.EnqueueDequeue((index, outcome), index);
            }
        }
    }

    /// <summary>The kept failures in case order (seed order within the range).</summary>
    public IReadOnlyList<SeedOutcome> Failures()
    {
        lock (_gate)
        {
            return [.. _failures.UnorderedItems.Select(static f => f.Element).OrderBy(static f => f.Index).Select(static f => f.Outcome)];
        }
    }
}
