using System;

namespace SimLoop;

// SimLoop owns its randomness so that a seed means the same run on every machine and every .NET version:
// xoshiro256** 1.0 (Blackman and Vigna), seeded through SplitMix64. System.Random's seeded generator is a
// legacy algorithm kept for compatibility, takes a 32-bit seed and cannot be audited draw by draw.
internal sealed class Prng : RandomSource
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <param name="seed">The simulation's seed.</param>
    /// <param name="stream">Separates independent streams drawn from one seed (schedule, user draws).</param>
    public Prng(long seed, ulong stream)
    {
        ulong x = unchecked((ulong)seed ^ (stream * 0x9E3779B97F4A7C15UL));
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        Invariant.Assert((_s0 | _s1 | _s2 | _s3) != 0, "xoshiro256** must not start from the all-zero state");
    }

    public override ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
