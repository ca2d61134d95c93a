namespace SimLoop.Properties;

/// <summary>Laws of stopping a cancellation (DESIGN "Semantics that properties pin down", 5 and 6): a task that
/// catches its cancellation and goes on finishes normally with its result; <c>Sim.Shield</c> keeps a cancellation
/// from passing on to the awaited task, which awaiting it directly does not.</summary>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class CancellationRecoveryProperties
{
    private const int Result = 42;

    /// <summary>The task catches a cancellation that hits its work, then waits again (normally: delivered once) and
    /// returns its result; one that hits the later wait is not caught; one after the end is refused.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="timing">Work, the wait after it, and the cancel time.</param>
    [SimulationProperty(Seeds = 500)]
    public void CaughtCancellation_TaskGoesOn_FinishesWithItsResult(SimCase seed, CancelTiming timing)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckCaught(seed.With(strategy), timing);
        }
    }

    /// <summary>Cancelling a task that awaits another: with Shield it sees the cancellation at once and the other task
    /// runs on to its result; without, the other task is cancelled too.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="timing">The awaited task's work and the cancel time.</param>
    /// <param name="shielded">Whether the outer task awaits through <c>Sim.Shield</c>.</param>
    [SimulationProperty(Seeds = 500)]
    public void Shield_StopsCancellationPassingOn_DirectAwaitPassesItOn(SimCase seed, CancelTiming timing, bool shielded)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckShield(seed.With(strategy), timing, shielded);
        }
    }

    private static void CheckCaught(SimCase simCase, CancelTiming timing)
    {
        var verdict = new Verdict($"Caught cancellation ({timing})", simCase);
        TimeSpan? caughtAt = null;
        TimeSpan? mainResumedAt = null;
        string outcome = "none";
        bool cancelReturned = false;
        SimTask<int>? task = null;
        try
        {
            simCase.NewSimulation().Run(async () =>
            {
                task = Sim.Spawn(async () =>
                {
                    try
                    {
                        await Sim.Delay(TimeSpan.FromMilliseconds(timing.WorkMs));
                    }
                    catch (SimCancelledException)
                    {
                        caughtAt = Sim.Elapsed;
                    }

                    await Sim.Delay(TimeSpan.FromMilliseconds(timing.AfterMs));
                    return Result;
                }, "worker");
                await Sim.Delay(TimeSpan.FromMilliseconds(timing.CancelAtMs));
                cancelReturned = task.Cancel();
                outcome = await Outcome(task);
                mainResumedAt = Sim.Elapsed;
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        TimeSpan cancelAt = Ms(timing.CancelAtMs);
        bool hitsWork = timing.CancelAtMs < timing.WorkMs;
        bool hitsAfter = !hitsWork && timing.CancelAtMs < timing.WorkMs + timing.AfterMs;
        TimeSpan end = hitsWork ? cancelAt + Ms(timing.AfterMs)
            : hitsAfter ? cancelAt
            : Max(cancelAt, Ms(timing.WorkMs + timing.AfterMs));
        verdict.ExpectEqual<TimeSpan?>(hitsWork ? cancelAt : null, caughtAt, "when the worker caught its cancellation");
        verdict.ExpectEqual(hitsAfter ? "cancelled" : Result.ToString(CultureInfo.InvariantCulture), outcome, "awaiting the worker");
        verdict.ExpectEqual(hitsWork || hitsAfter, cancelReturned, "what Cancel() returned");
        verdict.ExpectEqual(hitsAfter, task?.IsCancelled == true, "worker.IsCancelled");
        verdict.ExpectEqual<TimeSpan?>(end, mainResumedAt, "when main's await resumed");
        verdict.ThrowIfViolated();
    }

    private static void CheckShield(SimCase simCase, CancelTiming timing, bool shielded)
    {
        var verdict = new Verdict($"{(shielded ? "Shielded" : "Direct")} await cancelled ({timing})", simCase);
        var log = new List<string>();
        bool cancelReturned = false;
        SimTask<int>? inner = null;
        try
        {
            simCase.NewSimulation().Run(async () =>
            {
                inner = Sim.Spawn(async () =>
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(timing.WorkMs));
                    return Result;
                }, "inner");
                SimTask outer = Sim.Spawn(async () =>
                {
                    try
                    {
                        int value = shielded ? await Sim.Shield(inner) : await inner;
                        log.Add($"outer got {value}@{Sim.Elapsed.TotalMilliseconds}");
                    }
                    catch (SimCancelledException)
                    {
                        log.Add($"outer cancelled@{Sim.Elapsed.TotalMilliseconds}");
                    }
                }, "outer");
                await Sim.Delay(TimeSpan.FromMilliseconds(timing.CancelAtMs));
                cancelReturned = outer.Cancel();
                await outer;
                log.Add($"inner {await Outcome(inner)}@{Sim.Elapsed.TotalMilliseconds}");
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        int c = timing.CancelAtMs;
        int work = timing.WorkMs;
        string[] expected = c > work ? [$"outer got {Result}@{work}", $"inner {Result}@{c}"]
            : shielded ? [$"outer cancelled@{c}", $"inner {Result}@{work}"]
            : [$"outer cancelled@{c}", $"inner cancelled@{c}"];
        verdict.ExpectSequence(expected, log, "what outer and main saw");
        verdict.ExpectEqual(c < work, cancelReturned, "what Cancel() returned");
        verdict.ExpectEqual(c < work && !shielded, inner?.IsCancelled == true, "inner.IsCancelled");
        verdict.ThrowIfViolated();
    }

    private static async Task<string> Outcome(SimTask<int> task)
    {
        try
        {
            return (await task).ToString(CultureInfo.InvariantCulture);
        }
        catch (SimCancelledException)
        {
            return "cancelled";
        }
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
