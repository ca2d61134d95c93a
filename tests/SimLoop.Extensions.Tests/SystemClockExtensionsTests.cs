using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.Extensions.Tests;

// MemoryCache reads its time through MemoryCacheOptions.Clock, and the wall clock when that is unset. With the adapter
// over sim.Clock its expirations fall at exact virtual instants; without it they never fall inside a run, where hours
// of virtual time pass in milliseconds of wall time.
public class SystemClockExtensionsTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Test]
    public void AsSystemClock_ReadsTheProvidersTimeOnEveryCall()
    {
        var sim = new Simulation();
        var clock = sim.Clock.AsSystemClock();
        var seen = new List<DateTimeOffset>();

        sim.Run(async () =>
        {
            seen.Add(clock.UtcNow);
            await Sim.Delay(TimeSpan.FromHours(3));
            seen.Add(clock.UtcNow);
        });

        DateTimeOffset start = new SimulationOptions().StartTime;
        Assert.That(seen, Is.EqualTo(new[] { start, start + TimeSpan.FromHours(3) }));
    }

    [Test]
    public void AsSystemClock_NullProvider_Throws()
    {
        Assert.That(() => SystemClockExtensions.AsSystemClock(null!),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("timeProvider"));
    }

    [Test]
    public void MemoryCache_AbsoluteExpirationRelativeToNow_WithTheAdapter_ExpiresAtExactlyItsVirtualTime()
    {
        var sim = new Simulation();
        var reads = new List<(TimeSpan At, bool Hit)>();

        sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = sim.Clock.AsSystemClock() });
            cache.Set("quote", 42, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });

            await Sim.Delay(TimeSpan.FromMinutes(5) - Tick);
            reads.Add((Sim.Elapsed, cache.TryGetValue("quote", out _)));
            await Sim.Delay(Tick);
            reads.Add((Sim.Elapsed, cache.TryGetValue("quote", out _)));
        });

        Assert.That(reads, Is.EqualTo(new[]
        {
            (TimeSpan.FromMinutes(5) - Tick, true),
            (TimeSpan.FromMinutes(5), false),
        }));
    }

    [Test]
    public void MemoryCache_SlidingExpiration_WithTheAdapter_CountsVirtualTimeSinceTheLastRead()
    {
        var sim = new Simulation();
        var reads = new List<(TimeSpan At, bool Hit)>();

        sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = sim.Clock.AsSystemClock() });
            cache.Set("session", "alice", new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(1) });

            // Each read just within the window keeps the entry alive past its first minute; the first gap of a whole
            // minute ends it.
            foreach (TimeSpan gap in new[] { TimeSpan.FromSeconds(59), TimeSpan.FromMinutes(1) - Tick, TimeSpan.FromMinutes(1) })
            {
                await Sim.Delay(gap);
                reads.Add((Sim.Elapsed, cache.TryGetValue("session", out _)));
            }
        });

        TimeSpan secondRead = TimeSpan.FromSeconds(59) + TimeSpan.FromMinutes(1) - Tick;
        Assert.That(reads, Is.EqualTo(new[]
        {
            (TimeSpan.FromSeconds(59), true),
            (secondRead, true),
            (secondRead + TimeSpan.FromMinutes(1), false),
        }));
    }

    [Test]
    public void MemoryCache_FromDependencyInjection_WithTheAdapter_ExpiresInVirtualTime()
    {
        var sim = new Simulation();
        var services = new ServiceCollection();
        services.AddMemoryCache(options => options.Clock = sim.Clock.AsSystemClock());
        using ServiceProvider provider = services.BuildServiceProvider();
        var reads = new List<bool>();

        sim.Run(async () =>
        {
            var cache = provider.GetRequiredService<IMemoryCache>();
            cache.Set("quote", 42, TimeSpan.FromMinutes(5));
            await Sim.Delay(TimeSpan.FromMinutes(5) - Tick);
            reads.Add(cache.TryGetValue("quote", out _));
            await Sim.Delay(Tick);
            reads.Add(cache.TryGetValue("quote", out _));
        });

        Assert.That(reads, Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void MemoryCache_WithoutTheAdapter_EntriesNeverExpireInVirtualTime()
    {
        var sim = new Simulation();
        var reads = new List<bool>();

        sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions());
            cache.Set("quote", 42, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });
            cache.Set("session", "alice", new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(1) });

            await Sim.Delay(TimeSpan.FromDays(1));
            reads.Add(cache.TryGetValue("quote", out _));
            reads.Add(cache.TryGetValue("session", out _));
        });

        // A day of virtual time is a few milliseconds of the wall clock the cache reads: both entries are still there.
        Assert.That(reads, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void MemoryCache_WithTheAdapter_EvictionCallbackAndExpirationScan_RunAsLoopStepsAtTheVirtualTime()
    {
        // MemoryCache runs eviction callbacks and its periodic scan for expired entries as tasks on the thread pool;
        // SimLoop runs them as steps of the loop, so the callback sees the virtual time of the read that found the
        // entry expired, and the run stays deterministic.
        static async Task Program(List<string> log)
        {
            using var cache = new MemoryCache(new MemoryCacheOptions
            {
                Clock = Sim.Clock.AsSystemClock(),
                ExpirationScanFrequency = TimeSpan.FromMinutes(1),
            });
            var evicted = new TaskCompletionSource();
            var entry = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) };
            entry.RegisterPostEvictionCallback((key, _, reason, _) =>
            {
                log.Add($"{key} evicted ({reason}) at {Sim.Elapsed}");
                evicted.SetResult();
            });
            cache.Set("quote", 42, entry);

            await Sim.Delay(TimeSpan.FromMinutes(7));
            log.Add($"read at {Sim.Elapsed}: {cache.TryGetValue("quote", out _)}");
            await evicted.Task;
        }

        var first = new List<string>();
        var sim = new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 11 });
        sim.Run(() => Program(first));
        var second = new List<string>();
        var twin = new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 11 });
        twin.Run(() => Program(second));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { "read at 00:07:00: False", "quote evicted (Expired) at 00:07:00" }));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(twin.Trace.Fingerprint, Is.EqualTo(sim.Trace.Fingerprint));
        }
    }
}
