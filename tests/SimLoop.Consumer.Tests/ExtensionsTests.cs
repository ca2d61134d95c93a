using Microsoft.Extensions.Caching.Memory;

namespace SimLoop.Consumer.Tests;

// SimLoop.Extensions as a user takes it, on each target's lowest MemoryCache: an entry expires at exactly its virtual
// time.
public class ExtensionsTests
{
    [Test]
    public void MemoryCache_WithTheAdapter_ExpiresAtExactlyItsVirtualTime()
    {
        var sim = new Simulation();
        var reads = new List<bool>();

        sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = sim.Clock.AsSystemClock() });
            cache.Set("quote", 42, TimeSpan.FromMinutes(5));
            await Sim.Delay(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
            reads.Add(cache.TryGetValue("quote", out _));
            await Sim.Delay(TimeSpan.FromTicks(1));
            reads.Add(cache.TryGetValue("quote", out _));
        });

        Assert.That(reads, Is.EqualTo(new[] { true, false }));
    }
}
