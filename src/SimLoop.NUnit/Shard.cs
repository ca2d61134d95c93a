using System;

namespace SimLoop;

// The k-th of n contiguous shares of a seed range (k counts from 1). The shares of 1/n..n/n partition the range
// exactly: every seed is in one share, whatever n, so a CI job matrix covers the same seeds as one machine.
internal readonly record struct Shard(int Index, int Count)
{
    public static Shard Whole => new(1, 1);

    public bool IsWhole => Count == 1;

    /// <summary>The first seed of this share and how many follow it, out of seeds 0 .. <paramref name="seeds"/> - 1.</summary>
    public (long First, long Count) Of(long seeds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seeds);
        long first = seeds * (Index - 1) / Count;
        long end = seeds * Index / Count;
        return (first, end - first);
    }

    public override string ToString() => $"{Index}/{Count}";
}
