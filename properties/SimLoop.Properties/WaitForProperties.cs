namespace SimLoop.Properties;

/// <summary>Laws of <c>Sim.WaitFor</c> (DESIGN "Semantics that properties pin down", 7): on timeout the inner task
/// is cancelled and finishes (handlers, finally blocks) before <see cref="TimeoutException"/>; a waiter cancelled
/// first cancels the inner task the same way and then throws <see cref="SimCancelledException"/>.</summary>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class WaitForProperties
{
    /// <summary>The timeout plays the canceller: the nest's cancel time is the timeout.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="plan">The inner task's nest; its cancel time is WaitFor's timeout.</param>
    /// <param name="load">Background tasks.</param>
    [SimulationProperty(Seeds = 400)]
    public void WaitFor_Timeout_InnerFinishesItsHandlersThenTimeoutException(SimCase seed, NestPlan plan, BackgroundLoad load)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckTimeout(seed.With(strategy), plan, load);
        }
    }

    /// <summary>The waiter is cancelled at the nest's cancel time, before a timeout that comes later.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="plan">The inner task's nest; its cancel time is when main cancels the waiter.</param>
    /// <param name="extra">How much later than the cancellation the timeout is due (in 2 ms units).</param>
    [SimulationProperty(Seeds = 400)]
    public void WaitFor_WaiterCancelledFirst_InnerCancelledTheSameWayThenSimCancelled(
        SimCase seed, NestPlan plan, PositiveInt extra)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckWaiterCancelled(seed.With(strategy), plan, 2 * Math.Min(extra.Get, 1000));
        }
    }

    /// <summary>An inner task that catches the timeout's cancellation and returns a result makes WaitFor return that
    /// result (asyncio 3.11's wait_for); a timeout that hits it outside its handler still ends in TimeoutException.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="timing">The inner task's work, its wait after it, and the timeout (CancelAtMs).</param>
    [SimulationProperty(Seeds = 500)]
    public void WaitFor_InnerSwallowsTimeout_ReturnsItsResult(SimCase seed, CancelTiming timing)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            SimCase simCase = seed.With(strategy);
            var verdict = new Verdict($"WaitFor of a task that swallows its cancellation ({timing})", simCase);
            var log = new List<string>();
            try
            {
                simCase.NewSimulation().Run(async () =>
                {
                    SimTask<int> inner = Sim.Spawn(async () =>
                    {
                        try
                        {
                            await Sim.Delay(TimeSpan.FromMilliseconds(timing.WorkMs));
                        }
                        catch (SimCancelledException)
                        {
                            log.Add($"caught@{Sim.Elapsed.TotalMilliseconds}");
                        }

                        await Sim.Delay(TimeSpan.FromMilliseconds(timing.AfterMs));
                        return 42;
                    }, "inner");
                    try
                    {
                        int result = await Sim.WaitFor(inner, TimeSpan.FromMilliseconds(timing.CancelAtMs));
                        log.Add($"returned {result}@{Sim.Elapsed.TotalMilliseconds}");
                    }
                    catch (TimeoutException)
                    {
                        log.Add($"timeout@{Sim.Elapsed.TotalMilliseconds}");
                    }
                });
            }
            catch (Exception exception) when (exception is not LawViolationException)
            {
                verdict.Unexpected(exception);
            }

            int timeout = timing.CancelAtMs;
            int done = timing.WorkMs + timing.AfterMs;
            string[] expected = timeout < timing.WorkMs ? [$"caught@{timeout}", $"returned 42@{timeout + timing.AfterMs}"]
                : timeout < done ? [$"timeout@{timeout}"]
                : [$"returned 42@{done}"];
            verdict.ExpectSequence(expected, log, "the log");
            verdict.ThrowIfViolated();
        }
    }

    private static void CheckTimeout(SimCase simCase, NestPlan plan, BackgroundLoad load)
    {
        var verdict = new Verdict($"WaitFor timeout ({plan}; {load})", simCase);
        var log = new List<NestEvent>();
        var background = new BackgroundRun(load);
        SimTask? inner = null;
        TimeoutException? timeout = null;
        Simulation sim = simCase.NewSimulation();
        try
        {
            sim.Run(async () =>
            {
                inner = new Nest(plan, log).Spawn("inner");
                background.Start();
                try
                {
                    await Sim.WaitFor(inner, TimeSpan.FromMilliseconds(plan.CancelAtMs));
                    log.Add(new NestEvent("WaitForReturned", 0, Sim.Elapsed));
                }
                catch (TimeoutException exception)
                {
                    timeout = exception;
                    log.Add(new NestEvent("TimeoutException", 0, Sim.Elapsed));
                }
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        TimeSpan timeoutAt = TimeSpan.FromMilliseconds(plan.CancelAtMs);
        TimeSpan end;
        List<NestEvent> expected;
        if (plan.CancelsBeforeCompletion)
        {
            expected = Nest.CancelledLog(plan, timeoutAt, out end);
            expected.Add(new NestEvent("TimeoutException", 0, end));
            var cancelled = timeout?.InnerException as SimCancelledException;
            verdict.Expect(cancelled is not null, $"TimeoutException's inner exception is a SimCancelledException: {timeout?.InnerException}");
            verdict.ExpectEqual("inner", cancelled?.Cause?.TaskName, "the cause names the inner task");
            verdict.ExpectEqual("main", cancelled?.Cause?.RequestedBy, "the cause names the waiter that started the timeout");
            verdict.ExpectEqual<TimeSpan?>(timeoutAt, cancelled?.Cause?.At, "the cause says when the timeout fired");
            verdict.Expect(inner?.IsCancelled == true, "the inner task ends cancelled");
        }
        else
        {
            expected = Nest.CompletedLog(plan);
            end = TimeSpan.FromMilliseconds(plan.InnermostDelayMs);
            expected.Add(new NestEvent("WaitForReturned", 0, end));
            verdict.Expect(inner is { IsCompleted: true, IsCancelled: false }, "the inner task ran to completion");
        }

        verdict.ExpectSequence(expected, log, "the log (inner handlers innermost first, then the waiter)");
        verdict.ExpectEqual(end, sim.Elapsed, "virtual time at the end of the run");
        background.Check(verdict, end);
        verdict.ThrowIfViolated();
    }

    private static void CheckWaiterCancelled(SimCase simCase, NestPlan plan, int extraMs)
    {
        var verdict = new Verdict($"WaitFor with its waiter cancelled ({plan}; timeout {plan.CancelAtMs + extraMs} ms)", simCase);
        var log = new List<NestEvent>();
        SimTask? inner = null;
        SimTask? waiter = null;
        Exception? waiterSaw = null;
        bool cancelReturned = false;
        TimeSpan cancelAt = TimeSpan.FromMilliseconds(plan.CancelAtMs);
        Simulation sim = simCase.NewSimulation();
        try
        {
            sim.Run(async () =>
            {
                inner = new Nest(plan, log).Spawn("inner");
                waiter = Sim.Spawn(async () =>
                {
                    try
                    {
                        await Sim.WaitFor(inner, cancelAt + TimeSpan.FromMilliseconds(extraMs));
                        log.Add(new NestEvent("WaitForReturned", 0, Sim.Elapsed));
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
                    {
                        waiterSaw = exception;
                        log.Add(new NestEvent(exception.GetType().Name, 0, Sim.Elapsed));
                        throw;
                    }
                }, "waiter");
                await Sim.Delay(cancelAt);
                cancelReturned = waiter.Cancel();
                try
                {
                    await waiter;
                }
                catch (SimCancelledException)
                {
                    // The waiter's outcome is checked below.
                }
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        TimeSpan end;
        List<NestEvent> expected;
        if (plan.CancelsBeforeCompletion)
        {
            expected = Nest.CancelledLog(plan, cancelAt, out end);
            expected.Add(new NestEvent(nameof(SimCancelledException), 0, end));
            var cancelled = waiterSaw as SimCancelledException;
            verdict.ExpectEqual("main", cancelled?.Cause?.RequestedBy, "the waiter's cause names who cancelled it");
            verdict.ExpectEqual<TimeSpan?>(cancelAt, cancelled?.Cause?.At, "the waiter's cause says when");
            verdict.ExpectEqual("waiter", inner?.CancellationCause?.RequestedBy, "the inner task was cancelled by the waiter");
            verdict.ExpectEqual("main", inner?.CancellationCause?.Inner?.RequestedBy, "the inner cause chains to the waiter's");
            verdict.Expect(inner?.IsCancelled == true && waiter?.IsCancelled == true, "inner and waiter end cancelled");
            verdict.Expect(cancelReturned, "Cancel() returns true before the waiter finished");
        }
        else
        {
            expected = Nest.CompletedLog(plan);
            expected.Add(new NestEvent("WaitForReturned", 0, TimeSpan.FromMilliseconds(plan.InnermostDelayMs)));
            end = cancelAt;
            verdict.Expect(!cancelReturned, "Cancel() returns false once the waiter finished");
            verdict.Expect(inner?.IsCancelled == false && waiter?.IsCancelled == false, "inner and waiter ran to completion");
        }

        verdict.ExpectSequence(expected, log, "the log (inner handlers innermost first, then the waiter)");
        verdict.ExpectEqual(end, sim.Elapsed, "virtual time at the end of the run");
        verdict.ThrowIfViolated();
    }
}
