namespace SimLoop.BugBench.Runner;

/// <summary>One failing seed examined: its recorded schedule, whether it replays, and what minimization leaves.</summary>
/// <param name="Seed">The failing seed.</param>
/// <param name="Failure">The failure, as type and message.</param>
/// <param name="Schedule">The failing run's schedule.</param>
/// <param name="Replays">How many of <paramref name="ReplayRuns"/> replays failed with the same type and message.</param>
/// <param name="ReplayRuns">How many replays ran.</param>
/// <param name="Minimized">What minimization left, or null when it was not run.</param>
/// <param name="MinimizedReplays">Whether the minimized schedule replays to the same failure type.</param>
/// <param name="Anomaly">What went wrong examining it (a rerun that did not fail, a minimizer error), if anything.</param>
internal sealed record FailureAnalysis(long Seed, string Failure, Schedule Schedule, int Replays, int ReplayRuns,
    MinimizedSchedule? Minimized, bool MinimizedReplays, string? Anomaly)
{
    /// <summary>Gets how many real choices the failing schedule has.</summary>
    public int Choices => Schedule.Choices.Count;

    /// <summary>Gets how many of those choices pick a ready item or a timer (the rest are random draws).</summary>
    public int OrderChoices => Schedule.Choices.Count(c => c.Kind != ScheduleChoiceKind.Random);

    /// <summary>Reruns <paramref name="seed"/> (Pct over <paramref name="pctSteps"/>, as the search ran it) recording its
    /// schedule, replays the schedule, and minimizes it.</summary>
    public static FailureAnalysis Examine(IBug bug, ScheduleStrategy strategy, long seed, int replays, bool minimize, int pctSteps = 0)
    {
        (Simulation recorded, Exception? error) = BugRun.Once(bug, BugRun.Search(strategy, seed, pctSteps) with { RecordSchedule = true });
        Schedule schedule = recorded.Schedule!;
        if (!BugRun.IsBug(bug, error))
        {
            return new FailureAnalysis(seed, error is null ? "none" : BugRun.Describe(error), schedule, 0, 0, null, false,
                $"seed {seed} failed during the search but not when rerun recording its schedule: {error?.Message ?? "no failure"}");
        }

        string failure = BugRun.Describe(error!);
        int same = 0;
        string? anomaly = null;
        for (int i = 0; i < replays; i++)
        {
            (_, Exception? replayed) = BugRun.Once(bug, new SimulationOptions { Replay = schedule, TraceCapacity = 0 });
            if (replayed is not null && replayed.GetType() == error!.GetType() && BugRun.SameMessage(replayed, error))
            {
                same++;
            }
            else
            {
                anomaly ??= $"replay {i + 1} of seed {seed} ended with {(replayed is null ? "no failure" : BugRun.Describe(replayed))}";
            }
        }

        MinimizedSchedule? minimized = null;
        bool minimizedReplays = false;
        if (minimize)
        {
            try
            {
                minimized = ScheduleMinimizer.Minimize(bug.Run, schedule);
                (_, Exception? again) = BugRun.Once(bug, new SimulationOptions { Replay = minimized.Schedule, TraceCapacity = 0 });
                minimizedReplays = BugRun.IsBug(bug, again);
                if (!minimizedReplays)
                {
                    anomaly ??= $"the minimized schedule of seed {seed} replays to {(again is null ? "no failure" : BugRun.Describe(again))}";
                }
            }
#pragma warning disable CA1031 // A minimizer failure is reported, not fatal to the benchmark.
            catch (Exception e)
#pragma warning restore CA1031
            {
                anomaly ??= $"minimizing seed {seed}: {BugRun.Describe(e)}";
            }
        }

        return new FailureAnalysis(seed, failure, schedule, same, replays, minimized, minimizedReplays, anomaly);
    }
}
