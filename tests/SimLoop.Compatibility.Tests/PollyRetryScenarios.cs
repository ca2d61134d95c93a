using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SimLoop.Compatibility.Tests;

// Polly v8 retry, alone and around a timeout, built with sim.Clock as the pipeline's TimeProvider. Polly awaits with
// ConfigureAwait(false) throughout; its delays and timeouts are sim.Clock timers, so minutes of backoff take no wall
// time. Jitter draws from RetryStrategyOptions.Randomizer, Polly's own test seam: given Sim.Random it is seeded
// by the run; left at its default it would draw from a process-wide generator and no seed could replay it.
public class PollyRetryScenarios
{
    // A heartbeat every minute, so that pipeline steps tie with another task's steps at the same instants.
    private static SimTask Heartbeat(Action<string> print, int minutes) => Sim.Spawn(async () =>
    {
        for (int i = 1; i <= minutes; i++)
        {
            await Sim.Delay(TimeSpan.FromMinutes(1));
            print($"heartbeat {i}");
        }
    }, "heartbeat");

    [Test]
    public void Retry_ExponentialBackoffOfMinutes_AttemptsAtExactVirtualTimes()
    {
        DeterminismHarness.Check(async print =>
        {
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Sim.Clock }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>(),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMinutes(1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                })
                .Build();
            SimTask heartbeat = Heartbeat(print, 7);
            int attempts = 0;
            string result = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                print($"attempt {attempts} at {Sim.Elapsed}");
                await Task.Yield();
                return attempts < 4 ? throw new InvalidOperationException("not yet") : "ok";
            });
            print($"{result} at {Sim.Elapsed}");
            await heartbeat;
        }, run =>
        {
            string[] expected = ["attempt 1 at 00:00:00", "attempt 2 at 00:01:00", "attempt 3 at 00:03:00", "attempt 4 at 00:07:00", "ok at 00:07:00"];
            Assert.That(run.Lines.Where(l => !l.StartsWith("heartbeat", StringComparison.Ordinal)), Is.EqualTo(expected), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(7)), run.Where);
        });
    }

    // The "done when": a retry-with-timeout pipeline sleeping minutes between attempts. Attempts 1 to 3 hang
    // until the 30 s timeout cancels them; the backoff is 2, 4 and 8 minutes; attempt 4 answers after 1 s. So the
    // run spans exactly 3 x 30 s + 14 min + 1 s of virtual time, and every seed gives one answer.
    [Test]
    public void RetryWithTimeout_MinutesOfBackoff_ElapsedIsExactlyTheSumOfDelaysAndTimeouts()
    {
        DeterminismHarness.Check(async print =>
        {
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Sim.Clock }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>(),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMinutes(2),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    OnRetry = args =>
                    {
                        print($"retry {args.AttemptNumber + 1} in {args.RetryDelay} at {Sim.Elapsed}");
                        return default;
                    },
                })
                .AddTimeout(TimeSpan.FromSeconds(30))
                .Build();
            SimTask heartbeat = Heartbeat(print, 15);
            int attempts = 0;
            string result = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                await Task.Delay(attempts < 4 ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(1), Sim.Clock, token);
                return $"answer from attempt {attempts}";
            });
            print($"{result} at {Sim.Elapsed}");
            await heartbeat;
        }, run =>
        {
            string[] expected =
            [
                "retry 1 in 00:02:00 at 00:00:30", "retry 2 in 00:04:00 at 00:03:00", "retry 3 in 00:08:00 at 00:07:30",
                "answer from attempt 4 at 00:15:31",
            ];
            Assert.That(run.Lines.Where(l => !l.StartsWith("heartbeat", StringComparison.Ordinal)), Is.EqualTo(expected), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(3 * TimeSpan.FromSeconds(30) + TimeSpan.FromMinutes(2 + 4 + 8) + TimeSpan.FromSeconds(1)), run.Where);
        });
    }

    // Jitter through Polly's Randomizer seam fed from Sim.Random: the seed decides the delays, so even Fifo, which
    // ignores the seed for scheduling, gives different delays for different seeds, and the same delays for the same one.
    // Task.Delay(TimeSpan, TimeProvider) waits whole milliseconds (the BCL truncates the delay), so virtual time
    // advances by each jittered delay rounded down to the millisecond.
    [Test]
    public void Retry_JitterFromSimRandom_TheSeedDecidesTheDelays_VirtualTimeIsTheirSum()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(async print =>
        {
            TimeSpan total = TimeSpan.Zero;
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Sim.Clock }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>(),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMinutes(1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Randomizer = () => Sim.Random.NextDouble(),
                    OnRetry = args =>
                    {
                        total += TimeSpan.FromMilliseconds(Math.Floor(args.RetryDelay.TotalMilliseconds));
                        print($"retry in {args.RetryDelay}");
                        return default;
                    },
                })
                .Build();
            SimTask heartbeat = Heartbeat(print, 2);
            await pipeline.ExecuteAsync(async token =>
            {
                await Task.Yield();
                if (Sim.Elapsed < total)
                {
                    throw new InvalidOperationException("the attempt ran before its delay had passed");
                }

                throw new InvalidOperationException("always failing");
            }).AsTask().ContinueWith(t => print($"gave up: {t.Exception!.InnerException!.Message}"), TaskScheduler.FromCurrentSynchronizationContext());
            print($"elapsed equals the delays: {Sim.Elapsed == total}");
            await heartbeat;
        }, run =>
        {
            Assert.That(run.Lines.Count(l => l.StartsWith("retry in", StringComparison.Ordinal)), Is.EqualTo(3), run.Where);
            Assert.That(run.Lines, Does.Contain("gave up: always failing").And.Contain("elapsed equals the delays: True"), run.Where);
        });

        Assert.That(summary.DistinctOutputs(ScheduleStrategy.Fifo), Is.GreaterThan(1), "the seed should decide the jitter");
    }
}
