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
        Start();
        _a = MixA(_a, (ulong)value);
        _b = MixB(_b, (ulong)value);
    }

    /// <summary>Adds five words, exactly as five calls of <see cref="Add(long)"/> would, with the lanes kept in
    /// registers: the loop adds one step's words this way.</summary>
    public void Add(long first, long second, long third, long fourth, long fifth)
    {
        Start();
        _a = MixA(MixA(MixA(MixA(MixA(_a, (ulong)first), (ulong)second), (ulong)third), (ulong)fourth), (ulong)fifth);
        _b = MixB(MixB(MixB(MixB(MixB(_b, (ulong)first), (ulong)second), (ulong)third), (ulong)fourth), (ulong)fifth);
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            Add(-1);
            return;
        }

        Add(text.Length);
        // The same words as one Add per character, with the lanes kept in registers rather than stored and
        // reloaded for each: a task's outcome or a cancellation's cause costs a few cycles per character.
        ulong a = _a;
        ulong b = _b;
        foreach (char c in text)
        {
            a = MixA(a, c);
            b = MixB(b, c);
        }

        _a = a;
        _b = b;
    }

    // One word into each lane: FNV-1a's xor-multiply, and on the second lane a rotate so the lanes differ in more
    // than their constants.
    private static ulong MixA(ulong lane, ulong word) => unchecked((lane ^ word) * PrimeA);

    private static ulong MixB(ulong lane, ulong word) => ulong.RotateLeft(unchecked((lane ^ word) * PrimeB), 29);

    private void Start()
    {
        if (!_started)
        {
            _a = 0xCBF29CE484222325UL;
            _b = 0x84222325CBF29CE4UL;
            _started = true;
        }
    }

    public readonly override string ToString() =>
        _a.ToString("x16", CultureInfo.InvariantCulture) + _b.ToString("x16", CultureInfo.InvariantCulture);
}
