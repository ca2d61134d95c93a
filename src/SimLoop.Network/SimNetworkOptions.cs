using System;

namespace SimLoop;

/// <summary>How a <see cref="SimNetwork"/> carries messages: the bounds of the one-way latency of each message.</summary>
/// <remarks>
/// Each message (a request, a response, the abort of a cancelled request) waits a latency drawn from the simulation's
/// seed, uniformly between <see cref="MinLatency"/> and <see cref="MaxLatency"/> at tick resolution, in virtual time.
/// Equal seeds give equal latencies; different seeds reorder messages between hosts. Equal bounds give a fixed latency.
/// </remarks>
public sealed record SimNetworkOptions
{
    private readonly TimeSpan _minLatency = TimeSpan.FromMilliseconds(1);
    private readonly TimeSpan _maxLatency = TimeSpan.FromMilliseconds(5);

    /// <summary>Gets the least one-way latency of a message, in virtual time; 1 ms by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MinLatency
    {
        get => _minLatency;
        init => _minLatency = CheckLatency(value, nameof(MinLatency));
    }

    /// <summary>Gets the greatest one-way latency of a message, in virtual time; 5 ms by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <remarks>It must not be less than <see cref="MinLatency"/>; <see cref="SimNetwork"/>'s constructor checks that.</remarks>
    public TimeSpan MaxLatency
    {
        get => _maxLatency;
        init => _maxLatency = CheckLatency(value, nameof(MaxLatency));
    }

    private static TimeSpan CheckLatency(TimeSpan value, string property)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(property, value, $"{property} is a latency and must be zero or positive; it was {value}.");
        }

        // A latency so long that adding it to the clock could overflow is a mistake, not a model of a network.
        if (value > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(property, value, $"{property} must be at most 365 days; it was {value}.");
        }

        return value;
    }

    internal void Validate()
    {
        if (MinLatency > MaxLatency)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLatency), MaxLatency,
                $"{nameof(MaxLatency)} ({MaxLatency}) must not be less than {nameof(MinLatency)} ({MinLatency}).");
        }
    }
}
