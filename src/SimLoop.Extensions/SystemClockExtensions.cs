using System;
using Microsoft.Extensions.Internal;

namespace SimLoop;

/// <summary>Adapts a <see cref="TimeProvider"/> to <see cref="ISystemClock"/>, the clock seam of
/// <c>Microsoft.Extensions.Caching.Memory</c>.</summary>
public static class SystemClockExtensions
{
    /// <summary>Returns an <see cref="ISystemClock"/> that reads its time from <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The time source, usually a simulation's <c>sim.Clock</c>.</param>
    /// <returns>A clock whose <see cref="ISystemClock.UtcNow"/> is <paramref name="timeProvider"/>'s
    /// <see cref="TimeProvider.GetUtcNow"/>, read afresh on every call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para><c>MemoryCache</c> takes its time from <c>MemoryCacheOptions.Clock</c> and reads the wall clock when that
    /// is unset, so its entries would expire in wall time while the simulation's virtual hours pass in
    /// milliseconds. With <c>new MemoryCacheOptions { Clock = sim.Clock.AsSystemClock() }</c> an absolute expiration
    /// is reached at exactly its virtual time, and a sliding one counts virtual time since the last access.</para>
    /// <para>The adapter keeps no state of its own, so several caches may share one.</para>
    /// </remarks>
    public static ISystemClock AsSystemClock(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new TimeProviderSystemClock(timeProvider);
    }
}
