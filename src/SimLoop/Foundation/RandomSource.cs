using System;
using System.Runtime.CompilerServices;

namespace SimLoop;

// A stream of 64-bit draws and the bounded draws made from them. The seeded generator (Prng) is one source; a
// recorded schedule is another, so that replaying a schedule reproduces every Sim.Random draw without the seed.
internal abstract class RandomSource
{
    public abstract ulong NextUInt64();

    /// <summary>An unbiased draw from [0, bound) by Lemire's multiply-and-reject.</summary>
    /// <remarks>Inlined, so that a strategy holding a sealed source draws without a virtual call: one multiply, and
    /// the rejection loop (taken with probability below bound / 2^64) out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBelow(ulong bound)
    {
        Invariant.Assert(bound > 0, "a draw needs at least one candidate");
        ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
        return low < bound ? Reject(bound, high, low) : high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt32(int bound) => (int)NextBelow((ulong)bound);

    // The rare end of Lemire's method: draws again while the low half falls below the threshold.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong Reject(ulong bound, ulong high, ulong low)
    {
        ulong threshold = (0 - bound) % bound;
        while (low < threshold)
        {
            high = Math.BigMul(NextUInt64(), bound, out low);
        }

        Invariant.Assert(high < bound, "a bounded draw stays below its bound");
        return high;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
