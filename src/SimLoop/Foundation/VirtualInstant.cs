using System;

namespace SimLoop;

// A virtual time as SimLoop's own log lines carry it: the TimeSpan as a structured field, printed the way every
// other SimLoop text prints an instant ("00:00:01.5"), not as TimeSpan's "00:00:01.5000000".
internal readonly record struct VirtualInstant(TimeSpan Elapsed)
{
    public static implicit operator VirtualInstant(TimeSpan elapsed) => new(elapsed);

    public override string ToString() => TimeFormat.Instant(Elapsed);
}
