using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace SimLoop;

// What a seed run keeps of its outcomes: how many ran and failed, and the failures of the lowest case indexes, at
// most FailuresKept of them. Passing outcomes are counted, not kept, so memory does not grow with the seed count.
// One thread records into a tally (each worker has its own, merged after the join), so recording takes no lock and
// no core writes memory another core writes; the counts may be read from any thread for progress. The counts sit 64
// bytes from either edge so that two workers' tallies never share a cache line, wherever the GC moves them.
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class SeedTally
{
    public const int FailuresKept = 1000;

    // A max-heap on the case index: the kept failure with the highest index is the one to drop for a lower one.
    [FieldOffset(0)]
    private readonly PriorityQueue<(int Index, SeedOutcome Outcome), int> _failures = new(Comparer<int>.Create(static (a, b) => b.CompareTo(a)));

    [FieldOffset(64)]
    private int _ran;

    [FieldOffset(68)]
    private int _failed;

    [FieldOffset(72)]
    private long _longestChoices;

    public int Ran => Volatile.Read(ref _ran);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The most scheduling choices any recorded run made; read after the workers have joined.</summary>
    public long LongestChoices => _longestChoices;

    /// <summary>Records one outcome; only the tally's own thread calls it.</summary>
    public void Record(int index, SeedOutcome outcome) => Record(index, outcome.Failed ? outcome : null, outcome.Choices);

    /// <summary>Records one run that made <paramref name="choices"/> scheduling choices and ended in
    /// <paramref name="failure"/>, or passed when it is null; only the tally's own thread calls it.</summary>
    public void Record(int index, SeedOutcome? failure, long choices)
    {
        if (failure is not null)
        {
            Volatile.Write(ref _failed, _failed + 1);
            Keep(index, failure);
        }

        _longestChoices = Math.Max(_longestChoices, choices);
        Volatile.Write(ref _ran, _ran + 1);
    }

    /// <summary>Adds the outcomes <paramref name="other"/> recorded (after its thread has finished).</summary>
    public void Merge(SeedTally other)
    {
        _ran += other._ran;
        _failed += other._failed;
        _longestChoices = Math.Max(_longestChoices, other._longestChoices);
        foreach ((int index, SeedOutcome outcome) in other._failures.UnorderedItems.Select(static f => f.Element))
        {
            Keep(index, outcome);
        }
    }

    /// <summary>The kept failures in case order (seed order within the range).</summary>
    public IReadOnlyList<SeedOutcome> Failures() =>
        [.. _failures.UnorderedItems.Select(static f => f.Element).OrderBy(static f => f.Index).Select(static f => f.Outcome)];

    private void Keep(int index, SeedOutcome outcome)
    {
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
