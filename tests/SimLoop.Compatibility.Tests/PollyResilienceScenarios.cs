using Polly;
using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Timeout;

namespace SimLoop.Compatibility.Tests;

// Polly v8 timeout, circuit breaker and hedging with sim.Clock as the pipeline's TimeProvider, each beside another
// task whose steps fall on the same instants. Hedging starts its hedged attempts by calling the callback directly
// when the pipeline runs asynchronously (ExecuteAsync); only a synchronous Execute would use Task.Run.
public class PollyResilienceScenarios
{
    [Test]
    public void Timeout_TwoCallers_EachCancelledAtExactlyItsTimeout()
    {
        DeterminismHarness.Check(async print =>
        {
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Sim.Clock }
                .AddTimeout(TimeSpan.FromSeconds(30))
                .Build();
            SimTask[] callers = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(async () =>
            {
                try
                {
                    await pipeline.ExecuteAsync(async token =>
                    {
                        print($"c{i} started");
                        await Task.Delay(TimeSpan.FromMinutes(i + 1), Sim.Clock, token);
                    });
                }
                catch (TimeoutRejectedException)
                {
                    print($"c{i} timed out at {Sim.Elapsed}");
                }
            }, $"c{i}"))];
            foreach (SimTask caller in callers)
            {
                await caller;
            }
        }, run =>
        {
            Assert.That(run.Lines, Is.EquivalentTo(new[] { "c0 started", "c1 started", "c0 timed out at 00:00:30", "c1 timed out at 00:00:30" }), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(30)), run.Where);
        });
    }

    // Two callers every 10 s against a service that fails until 45 s. The circuit opens at 0 s, lets one probe
    // through at 30 s (it fails, so it opens again), lets one through at 60 s (it succeeds, so it closes); which
    // caller is the probe, and whether the other is rejected while the probe is in flight, is the seed's choice.
    // The caveat: Polly's circuit breaker starts a background Task with the ExecutionContext's flow suppressed
    // (ScheduledTaskExecutor) when it is built, and runs OnOpened/OnClosed/OnHalfOpened on it. So the pipeline is
    // built before Run, and the state is read through a CircuitBreakerStateProvider instead of those callbacks.
    [Test]
    public void CircuitBreaker_BuiltBeforeRunWithoutStateCallbacks_OpensHalfOpensAndCloses_AtExactVirtualTimes()
    {
        DeterminismHarness.Check(sim =>
        {
            var state = new CircuitBreakerStateProvider();
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = sim.Clock }
                .AddCircuitBreaker(Breaker(options => options.StateProvider = state))
                .Build();
            return async print =>
            {
                SimTask[] callers = [.. Enumerable.Range(0, 2).Select(i => Sim.Spawn(() => CallEvery10Seconds(pipeline, state, $"c{i}", print), $"c{i}"))];
                foreach (SimTask caller in callers)
                {
                    await caller;
                }
            };
        }, run =>
        {
            Assert.That(Outcomes(run, "00:00:00"), Is.EqualTo(new[] { "failed", "failed" }), run.Where);
            foreach (string broken in new[] { "00:00:10", "00:00:20", "00:00:40", "00:00:50" })
            {
                Assert.That(Outcomes(run, broken), Is.EqualTo(new[] { "broken", "broken" }), $"{run.Where}: at {broken}");
            }

            Assert.That(Outcomes(run, "00:00:30"), Is.EqualTo(new[] { "broken", "failed" }), run.Where);
            Assert.That(Outcomes(run, "00:01:00"), Is.EqualTo(new[] { "broken", "ok" }).Or.EqualTo(new[] { "ok", "ok" }), run.Where);
            Assert.That(Outcomes(run, "00:01:10"), Is.EqualTo(new[] { "ok", "ok" }), run.Where);
            Assert.That(run.Lines.Where(l => l.Contains(" 00:00:00: ", StringComparison.Ordinal)).Last(), Does.EndWith("(Open)"), run.Where);
            Assert.That(run.Lines[^1], Does.EndWith("(Closed)"), run.Where);
        });
    }

    // Built inside the run with the state callbacks set: Polly runs OnOpened / OnHalfOpened / OnClosed on a
    // background Task it starts with the ExecutionContext's flow suppressed; that Task and each callback it runs are
    // loop steps too, so the callbacks see the virtual time of the transition that scheduled them.
    [Test]
    public void CircuitBreaker_BuiltInsideRun_StateCallbacksRunAsLoopSteps_AtTheTransitionsVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Sim.Clock }
                .AddCircuitBreaker(Breaker(options =>
                {
                    options.OnOpened = _ => Transition("opened", print);
                    options.OnHalfOpened = _ => Transition("half-opened", print);
                    options.OnClosed = _ => Transition("closed", print);
                }))
                .Build();
            SimTask peer = Sim.Spawn(async () =>
            {
                foreach (int seconds in new[] { 12, 30, 1 })
                {
                    await Sim.Delay(TimeSpan.FromSeconds(seconds)); // wakes with each transition
                }
            }, "peer");
            for (int call = 0; call < 6; call++)
            {
                try
                {
                    await pipeline.ExecuteAsync(async token =>
                    {
                        await Sim.Delay(TimeSpan.FromSeconds(1), token);
                        if (Sim.Elapsed < TimeSpan.FromSeconds(40))
                        {
                            throw new InvalidOperationException("service down");
                        }
                    });
                }
                catch (Exception error) when (error is InvalidOperationException or BrokenCircuitException)
                {
                }

                await Sim.Delay(TimeSpan.FromSeconds(10));
            }

            await peer;
        }, run =>
        {
            Assert.That(run.Lines, Is.EqualTo(new[] { "opened at 00:00:12", "half-opened at 00:00:42", "closed at 00:00:43" }), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(64)), run.Where);
        }, Races.InTraceOnly);
    }

    // Opens when half of at least two calls within a minute fail; stays open 30 s.
    private static CircuitBreakerStrategyOptions Breaker(Action<CircuitBreakerStrategyOptions> configure)
    {
        var options = new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>(),
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(30),
        };
        configure(options);
        return options;
    }

    private static ValueTask Transition(string what, Action<string> print)
    {
        print($"{what} at {Sim.Elapsed}");
        return ValueTask.CompletedTask;
    }

    private static async Task CallEvery10Seconds(ResiliencePipeline pipeline, CircuitBreakerStateProvider state, string name, Action<string> print)
    {
        for (int call = 0; call < 8; call++)
        {
            TimeSpan at = Sim.Elapsed;
            try
            {
                await pipeline.ExecuteAsync(async token =>
                {
                    await Task.Yield(); // in flight: the other caller may arrive meanwhile
                    if (Sim.Elapsed < TimeSpan.FromSeconds(45))
                    {
                        throw new InvalidOperationException("service down");
                    }
                });
                print($"{name} {at}: ok ({state.CircuitState})");
            }
            catch (InvalidOperationException)
            {
                print($"{name} {at}: failed ({state.CircuitState})");
            }
            catch (BrokenCircuitException)
            {
                print($"{name} {at}: broken ({state.CircuitState})");
            }

            await Sim.Delay(TimeSpan.FromSeconds(10));
        }
    }

    private static string[] Outcomes(ScenarioRun run, string at) =>
        [.. run.Lines.Where(l => l.Contains($" {at}: ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).Order(StringComparer.Ordinal)];

    // The primary attempt takes a minute; after 10 s a hedged attempt starts and answers in 5 s; the primary is
    // cancelled. A peer task wakes at the same instant as the answer.
    [Test]
    public void Hedging_ExecuteAsync_HedgedAttemptWinsAtExactVirtualTime_PrimaryCancelled()
    {
        DeterminismHarness.Check(async print =>
        {
            ResiliencePipeline<string> pipeline = new ResiliencePipelineBuilder<string> { TimeProvider = Sim.Clock }
                .AddHedging(new HedgingStrategyOptions<string> { MaxHedgedAttempts = 1, Delay = TimeSpan.FromSeconds(10) })
                .Build();
            SimTask peer = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(15));
                print($"peer at {Sim.Elapsed}");
            }, "peer");
            int attempts = 0;
            string result = await pipeline.ExecuteAsync(async token =>
            {
                string name = attempts++ == 0 ? "primary" : "hedged";
                print($"{name} started at {Sim.Elapsed}");
                try
                {
                    await Task.Delay(name == "primary" ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(5), Sim.Clock, token);
                    return name;
                }
                catch (OperationCanceledException)
                {
                    print($"{name} cancelled at {Sim.Elapsed}");
                    throw;
                }
            });
            print($"result {result} at {Sim.Elapsed}");
            await peer;
        }, run =>
        {
            Assert.That(run.Lines.Take(2), Is.EqualTo(new[] { "primary started at 00:00:00", "hedged started at 00:00:10" }), run.Where);
            Assert.That(run.Lines.Skip(2), Is.EquivalentTo(new[] { "primary cancelled at 00:00:15", "result hedged at 00:00:15", "peer at 00:00:15" }), run.Where);
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(15)), run.Where);
        });
    }
}
