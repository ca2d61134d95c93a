using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace SimLoop;

// The runs of one seed run, in order: the regressions file's seeds first, then the plan's range under its strategy,
// less the seeds the file already holds under that strategy. Range seeds are computed from their index, so the list
// costs the file's lines, not the range's length.
internal sealed class SeedCases : IReadOnlyList<SeedCase>
{
    private readonly IReadOnlyList<SeedCase> _recorded;
    private readonly SeedRange _range;
    private readonly ScheduleStrategy _strategy;
    private readonly long[] _skipped; // ascending: range seeds already in _recorded under _strategy

    public SeedCases(IReadOnlyList<SeedCase> recorded, SeedRange range, ScheduleStrategy strategy)
    {
        _recorded = recorded;
        _range = range;
        _strategy = strategy;
        _skipped = [.. recorded.Where(c => c.Strategy == strategy && range.Contains(c.Seed)).Select(static c => c.Seed).Distinct().Order()];
        long total = recorded.Count + range.Length - _skipped.Length;
        if (total > int.MaxValue)
        {
            throw new InvalidOperationException(
                $"{total} seeds to run ({recorded.Count} from the regressions file and {range.Length - _skipped.Length} from the range) " +
                $"is more than one process runs ({int.MaxValue}): lower the seed count or split it with {SeedSource.ShardVariable}=k/n.");
        }

        Count = (int)total;
    }

    public int Count { get; }

    public int FromFile => _recorded.Count;

    public SeedCase this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index < _recorded.Count)
            {
                return _recorded[index];
            }

            // The i-th range seed not skipped: step over each skipped seed at or below the candidate, in order.
            long seed = _range.First + (index - _recorded.Count);
            foreach (long skipped in _skipped)
            {
                if (skipped <= seed)
                {
                    seed++;
                }
            }

            return new SeedCase(seed, _strategy);
        }
    }

    public IEnumerator<SeedCase> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
