using System;

namespace SimLoop;

// Sim.Random must be a System.Random (the contract) yet draw from SimLoop's own Prng. It calls the seeded base
// constructor, because the parameterless one seeds a fallback generator from Random.Shared, and it overrides
// every virtual member, because the base class routes some of them (Next(), NextBytes) to that fallback.
internal sealed class SeededRandom : Random
{
    private readonly RandomSource _prng;

    public SeededRandom(long seed)
        : this(new Prng(seed, stream: UserStream))
    {
    }

    public SeededRandom(RandomSource source)
        : base(0)
    {
        _prng = source;
    }

    /// <summary>The Prng stream of Sim.Random draws, apart from the schedulers' streams.</summary>
    public const ulong UserStream = 2;

    public override int Next() => (int)_prng.NextBelow(int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (int)_prng.NextBelow((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return range == 0 ? minValue : (int)(minValue + (long)_prng.NextBelow(range));
    }

    public override long NextInt64() => (long)_prng.NextBelow(long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (long)_prng.NextBelow((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = unchecked((ulong)maxValue - (ulong)minValue);
        return range == 0 ? minValue : unchecked(minValue + (long)_prng.NextBelow(range));
    }

    public override double NextDouble() => _prng.NextDouble();

    public override float NextSingle() => (_prng.NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)_prng.NextUInt64();
        }
    }

    protected override double Sample() => _prng.NextDouble();
}
