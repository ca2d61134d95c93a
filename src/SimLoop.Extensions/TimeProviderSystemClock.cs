using System;
using Microsoft.Extensions.Internal;

namespace SimLoop;

// ISystemClock is the older seam of Microsoft.Extensions (MemoryCache's MemoryCacheOptions.Clock, as of 11.0 still
// without a TimeProvider overload); TimeProvider is the BCL's. Reading the provider on every call keeps this adapter
// stateless, as FakeTimeProvider's own adapters are.
internal sealed class TimeProviderSystemClock : ISystemClock
{
    private readonly TimeProvider _timeProvider;

    public TimeProviderSystemClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public DateTimeOffset UtcNow => _timeProvider.GetUtcNow();

    public override string ToString() => $"ISystemClock over {_timeProvider}";
}
