using System.Diagnostics;
using System.Threading.RateLimiting;

namespace SimLoop.Extensions.Tests;

// docs/compatibility.md's advice for time sources that offer no seam: if one of these fails, that page
// is wrong. Each piece of advice comes with what happens without it.
public class WithoutASeamTests
{
    // A minute, so that the real time a run takes (milliseconds) stays far below one period.
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private static IEnumerable<TestCaseData> ManuallyReplenished()
    {
        yield return new TestCaseData((Func<ReplenishingRateLimiter>)(() => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = Period, AutoReplenishment = false, QueueLimit = 1,
        }))).SetArgDisplayNames("TokenBucket");
        yield return new TestCaseData((Func<ReplenishingRateLimiter>)(() => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = 1, Window = Period, AutoReplenishment = false, QueueLimit = 1,
        }))).SetArgDisplayNames("FixedWindow");
        yield return new TestCaseData((Func<ReplenishingRateLimiter>)(() => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 1, Window = Period, SegmentsPerWindow = 1, AutoReplenishment = false, QueueLimit = 1,
        }))).SetArgDisplayNames("SlidingWindow");
    }

    [TestCaseSource(nameof(ManuallyReplenished))]
    public void ManualReplenishment_FromAVirtualDelay_GrantsNothing_ItMeasuresRealTime(Func<ReplenishingRateLimiter> create)
    {
        var sim = new Simulation();
        bool? secondGranted = null;
        int replenishCalls = 0;

        sim.Run(async () =>
        {
            using ReplenishingRateLimiter limiter = create();
            using RateLimitLease first = await limiter.AcquireAsync();
            SimTask replenisher = Sim.Spawn(async () =>
            {
                while (true)
                {
                    await Sim.Delay(Period);
                    limiter.TryReplenish();
                    replenishCalls++;
                }
            }, "replenisher");

            // An hour of virtual periods, each with its TryReplenish: the limiter compares real timestamps
            // (Stopwatch), which have moved by milliseconds, so it replenishes nothing.
            try
            {
                using RateLimitLease second = await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromHours(1), Sim.Clock);
                secondGranted = second.IsAcquired;
            }
            catch (TimeoutException)
            {
                secondGranted = false;
            }

            replenisher.Cancel("the hour is over");
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secondGranted, Is.False);
            Assert.That(replenishCalls, Is.AtLeast(59), "TryReplenish was called once per virtual period");
        }
    }

    [Test]
    public void TokenBucket_AutoReplenishment_StartsARealTimer_RefusedAtOnce()
    {
        var sim = new Simulation();

        Assert.That(() => sim.Run(async () =>
        {
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(10), AutoReplenishment = true,
            });
            using RateLimitLease lease = await limiter.AcquireAsync();
        }), Throws.InstanceOf<SimulationEscapeException>().With.Message.Contain("started a real timer"));
        Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void ElapsedTime_FromTheSimulationsClock_IsVirtual_FromStopwatch_IsReal()
    {
        var sim = new Simulation();
        TimeSpan simulated = default, real = default;

        sim.Run(async () =>
        {
            long simStart = Sim.Clock.GetTimestamp();
            long realStart = Stopwatch.GetTimestamp();
            await Sim.Delay(TimeSpan.FromHours(1));
            simulated = Sim.Clock.GetElapsedTime(simStart);
            real = Stopwatch.GetElapsedTime(realStart);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(simulated, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(real, Is.LessThan(TimeSpan.FromMinutes(1)));
        }
    }
}
