using System;
using System.Globalization;

namespace SimLoop;

// A running 128-bit hash of every step and event, fixed by algorithm (two FNV-1a-style lanes over 64-bit words
// with different primes and offsets), never string.GetHashCode, which is randomized per process. It covers
// every entry even when the trace keeps only the most recent ones.
internal struct Fingerprint
{
    private const ulong PrimeA = 0x100000001B3UL;
    private const ulong PrimeB = 0x9E3779B97F4A7C15UL;
    private ulong _a;
    private ulong _b;
    private bool _started;

    public void Add(long value)
    {
        if (!_started)
        {
            _a = 0xCBF29CE484222325UL;
            _b = 0x84222325CBF29CE4UL;
            _started = true;
        }

        unchecked
        {
            _a = (_a ^ (ulong)value) * PrimeA;
            _b = ulong.RotateLeft((_b ^ (ulong)value) * PrimeB, 29);
        }
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            Add(-1);
            return;
        }

        Add(text.Length);
        foreach (char c in text)
        {
            Add(c);
        }
    }

    public readonly override string ToString() =>
        _a.ToString("x16", CultureInfo.InvariantCulture) + _b.ToString("x16", CultureInfo.InvariantCulture);
}
