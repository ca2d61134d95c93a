using System;
using System.Threading;

namespace SimLoop;

// Hands out the case indexes of a parallel seed run to its workers, a few at a time: every claim is an atomic add on
// one counter that every core writes, so claiming in chunks keeps that cache line from moving between cores on every
// seed. Chunks stay small against the run (at most a 32nd of a worker's share), so workers finish together.
internal sealed class SeedClaims
{
    private const int ChunkMax = 16;

    private readonly int _count;
    private readonly int _chunk;
    private long _next; // a long: claims past the end of a run of int.MaxValue cases must not wrap

    public SeedClaims(int count, int workers)
    {
        _count = count;
        _chunk = Math.Clamp(count / (Math.Max(1, workers) * 32), 1, ChunkMax);
    }

    public int Chunk => _chunk;

    /// <summary>Claims the next indexes, <paramref name="first"/> up to <paramref name="end"/> (exclusive).</summary>
    /// <returns>False once every index has been claimed.</returns>
    public bool TryClaim(out int first, out int end)
    {
        long claimedEnd = Interlocked.Add(ref _next, _chunk);
        long from = claimedEnd - _chunk;
        first = (int)Math.Min(from, _count);
        end = (int)Math.Min(claimedEnd, _count);
        return from < _count;
    }
}
