namespace SimLoop.Properties;

/// <summary>Laws of cancellation (DESIGN "Semantics that properties pin down", 3 and 4): a request, delivered on a
/// later step at the innermost await, travelling outwards; each finally once; the canceller resumes last.</summary>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class CancellationProperties
{
    /// <summary>The issue's law, under every strategy, with background tasks running beside the nest.</summary>
    /// <param name="seed">The seed (its strategy is ignored: every strategy runs).</param>
    /// <param name="plan">The nest and when main cancels it.</param>
    /// <param name="load">Background tasks.</param>
    [SimulationProperty(Seeds = 500)]
    public void Cancel_Nest_SeenInnermostFirst_EachFinallyOnce_CancellerResumesLastAtExactTime(
        SimCase seed, NestPlan plan, BackgroundLoad load)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckNest(seed.With(strategy), plan, load);
        }
    }

    private static void CheckNest(SimCase simCase, NestPlan plan, BackgroundLoad load)
    {
        var verdict = new Verdict($"Cancellation of a nest ({plan}; {load})", simCase);
        var log = new List<NestEvent>();
        var returned = new List<bool>();
        var background = new BackgroundRun(load);
        SimTask? nest = null;
        SimCancelledException? seen = null;
        Simulation sim = simCase.NewSimulation();
        try
        {
            sim.Run(async () =>
            {
                nest = new Nest(plan, log).Spawn("nest");
                background.Start();
                await Sim.Delay(TimeSpan.FromMilliseconds(plan.CancelAtMs));
                for (int i = 0; i < plan.CancelRequests; i++)
                {
                    returned.Add(nest.Cancel());
                }

                log.Add(new NestEvent("CancelReturned", 0, Sim.Elapsed));
                try
                {
                    await nest;
                }
                catch (SimCancelledException exception)
                {
                    seen = exception;
                }

                log.Add(new NestEvent("CancellerResumed", 0, Sim.Elapsed));
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        TimeSpan cancelAt = TimeSpan.FromMilliseconds(plan.CancelAtMs);
        TimeSpan end = cancelAt;
        List<NestEvent> expected;
        if (plan.CancelsBeforeCompletion)
        {
            expected = Nest.CancelledLog(plan, cancelAt, out end);
            expected.Insert(plan.Depth, new NestEvent("CancelReturned", 0, cancelAt));
            verdict.Expect(returned.All(r => r), $"Cancel() returns true for every request before the task finished: {string.Join(",", returned)}");
            verdict.Expect(nest?.IsCancelled == true, "the nest ends cancelled");
            verdict.ExpectEqual("nest", seen?.Cause?.TaskName, "the canceller's exception names the cancelled task");
            verdict.ExpectEqual("main", seen?.Cause?.RequestedBy, "the canceller's exception names who asked");
            verdict.ExpectEqual<TimeSpan?>(cancelAt, seen?.Cause?.At, "the canceller's exception says when it was asked");
        }
        else
        {
            expected = Nest.CompletedLog(plan);
            expected.Add(new NestEvent("CancelReturned", 0, cancelAt));
            verdict.Expect(returned.All(r => !r), $"Cancel() returns false for a finished task: {string.Join(",", returned)}");
            verdict.Expect(nest is { IsCompleted: true, IsCancelled: false }, "the nest ran to completion");
            verdict.Expect(seen is null, "awaiting a completed nest does not throw");
        }

        expected.Add(new NestEvent("CancellerResumed", 0, end));
        verdict.ExpectEqual(plan.CancelRequests, returned.Count, "cancel requests made");
        verdict.ExpectSequence(expected, log, "the nest's log (catches innermost first, canceller last)");
        for (int level = 1; level <= plan.Depth; level++)
        {
            verdict.ExpectEqual(1, log.Count(e => e.Kind == "Finally" && e.Level == level), $"finally runs of level {level}");
        }

        verdict.ExpectEqual(end, sim.Elapsed, "virtual time at the end of the run");
        background.Check(verdict, end);
        verdict.ThrowIfViolated();
    }
}
