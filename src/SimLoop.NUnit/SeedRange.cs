using System;
using System.Collections;
using System.Collections.Generic;

namespace SimLoop;

// Seeds First .. First + Count - 1 as a list that computes each seed from its index: a run of int.MaxValue seeds
// (or a share of them) costs two longs, not an array of that size.
internal sealed class SeedRange : IReadOnlyList<long>
{
    public SeedRange(long first, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue);
        First = first;
        Length = count;
    }

    public long First { get; }

    public long Length { get; }

    public int Count => (int)Length;

    public long this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            return First + index;
        }
    }

    public bool Contains(long seed) => seed >= First && seed - First < Length;

    public IEnumerator<long> GetEnumerator()
    {
        for (long i = 0; i < Length; i++)
        {
            yield return First + i;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
