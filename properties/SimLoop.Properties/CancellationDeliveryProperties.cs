namespace SimLoop.Properties;

/// <summary>Laws of delivering a cancellation (DESIGN "Semantics that properties pin down", 3): <c>Cancel()</c> is
/// a request answered at once; a task cancelled before its first step never runs its body; the task sees it on a
/// later step, once, unless it is cancelled again.</summary>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class CancellationDeliveryProperties
{
    /// <summary>A task cancelled before its first step never runs its body; one not cancelled runs it.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="cancelled">Per spawned task, whether it is cancelled in the step that spawned it.</param>
    [SimulationProperty(Seeds = 400)]
    public void Cancel_BeforeFirstStep_BodyNeverRuns(SimCase seed, bool[] cancelled)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckBeforeFirstStep(seed.With(strategy), cancelled);
        }
    }

    /// <summary>A second cancellation that arrives while the task's handler waits interrupts that wait; one that
    /// arrives after the handler is done finds the task finished. Either way each is seen once.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="timing">The task's work, its handler's wait (AfterMs) and the first cancel time.</param>
    /// <param name="later">How much after the first the second cancellation comes (2 * later + 1 ms).</param>
    [SimulationProperty(Seeds = 500)]
    public void Cancel_AgainDuringHandler_InterruptsIt_EachSeenOnce(SimCase seed, CancelTiming timing, NonNegativeInt later)
    {
        int secondMs = timing.CancelAtMs + (2 * Math.Min(later.Get, 500)) + 1;
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            CheckTwice(seed.With(strategy), timing, secondMs);
        }
    }

    /// <summary>A task that cancels itself sees it at its next SimLoop wait, with no virtual time passing; its next
    /// wait after that waits normally.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="timing">The task's work before cancelling itself, and the wait it tries after.</param>
    /// <param name="yields">Whether the wait that sees it is <c>Sim.Yield()</c> rather than <c>Sim.Delay</c>.</param>
    [SimulationProperty(Seeds = 500)]
    public void Cancel_Self_SeenAtNextWait_WithoutTimePassing(SimCase seed, CancelTiming timing, bool yields)
    {
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            SimCase simCase = seed.With(strategy);
            var verdict = new Verdict($"Self-cancel ({timing}; {(yields ? "yield" : "delay")})", simCase);
            var log = new List<string>();
            RunMain(simCase, verdict, async () =>
            {
                SimTask task = Sim.Spawn(async () =>
                {
                    await Sim.Delay(Ms(timing.WorkMs));
                    log.Add($"Cancel() {Sim.CurrentTask!.Cancel()}@{Now()}");
                    try
                    {
                        await (yields ? Yield() : Sim.Delay(Ms(timing.AfterMs)));
                        log.Add($"not seen@{Now()}");
                    }
                    catch (SimCancelledException)
                    {
                        log.Add($"seen@{Now()}");
                    }

                    await Sim.Delay(Ms(timing.AfterMs));
                    log.Add($"done@{Now()}");
                });
                await task;
                log.Add($"completed {task.IsCompleted && !task.IsCancelled}");
            });
            int work = timing.WorkMs;
            verdict.ExpectSequence(
                [$"Cancel() True@{work}", $"seen@{work}", $"done@{work + timing.AfterMs}", "completed True"], log, "the log");
            verdict.ThrowIfViolated();
        }
    }

    private static void CheckBeforeFirstStep(SimCase simCase, bool[] cancelled)
    {
        var verdict = new Verdict($"Cancel before the first step ({string.Join(",", cancelled)})", simCase);
        var ran = new bool[cancelled.Length];
        var outcomes = new string[cancelled.Length];
        var returned = new List<(int Task, bool First, bool Second, bool AfterEnd)>();
        var tasks = new SimTask[cancelled.Length];
        try
        {
            simCase.NewSimulation().Run(async () =>
            {
                for (int i = 0; i < cancelled.Length; i++)
                {
                    int index = i;
                    tasks[i] = Sim.Spawn(async () =>
                    {
                        ran[index] = true;
                        await Sim.Yield();
                    });
                }

                var requests = new Dictionary<int, (bool, bool)>();
                for (int i = 0; i < cancelled.Length; i++)
                {
                    if (cancelled[i])
                    {
                        requests[i] = (tasks[i].Cancel(), tasks[i].Cancel());
                    }
                }

                for (int i = 0; i < cancelled.Length; i++)
                {
                    try
                    {
                        await tasks[i];
                        outcomes[i] = "completed";
                    }
                    catch (SimCancelledException)
                    {
                        outcomes[i] = "cancelled";
                    }

                    if (requests.TryGetValue(i, out (bool First, bool Second) r))
                    {
                        returned.Add((i, r.First, r.Second, tasks[i].Cancel()));
                    }
                }
            });
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }

        for (int i = 0; i < cancelled.Length; i++)
        {
            verdict.ExpectEqual(!cancelled[i], ran[i], $"task {i + 1} ran its body");
            verdict.ExpectEqual(cancelled[i] ? "cancelled" : "completed", outcomes[i], $"task {i + 1}'s outcome");
            verdict.ExpectEqual(cancelled[i], tasks[i]?.IsCancelled == true, $"task {i + 1}.IsCancelled");
        }

        foreach ((int task, bool first, bool second, bool afterEnd) in returned)
        {
            verdict.Expect(first && second && !afterEnd,
                $"task {task + 1}: Cancel() returns true, true again, then false once finished; was {first}, {second}, {afterEnd}");
        }

        verdict.ThrowIfViolated();
    }
    private static void CheckTwice(SimCase simCase, CancelTiming timing, int secondMs)
    {
        var verdict = new Verdict($"Cancel twice ({timing}, again at {secondMs} ms)", simCase);
        var log = new List<string>();
        RunMain(simCase, verdict, async () =>
        {
            SimTask task = Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(Ms(timing.WorkMs));
                    log.Add($"work done@{Now()}");
                }
                catch (SimCancelledException)
                {
                    log.Add($"caught@{Now()}");
                    try
                    {
                        await Sim.Delay(Ms(timing.AfterMs));
                        log.Add($"handler done@{Now()}");
                    }
                    catch (SimCancelledException)
                    {
                        log.Add($"caught again@{Now()}");
                    }
                }
            });
            await Sim.Delay(Ms(timing.CancelAtMs));
            log.Add($"Cancel() {task.Cancel()}");
            await Sim.Delay(Ms(secondMs - timing.CancelAtMs));
            log.Add($"Cancel() {task.Cancel()}");
        });
        int c1 = timing.CancelAtMs;
        int handlerEnd = c1 + timing.AfterMs;
        string[] expected = c1 > timing.WorkMs ? [$"work done@{timing.WorkMs}", "Cancel() False", "Cancel() False"]
            : secondMs < handlerEnd ? ["Cancel() True", $"caught@{c1}", "Cancel() True", $"caught again@{secondMs}"]
            : ["Cancel() True", $"caught@{c1}", $"handler done@{handlerEnd}", "Cancel() False"];
        verdict.ExpectSequence(expected, log, "the log");
        verdict.ThrowIfViolated();
    }

    private static void RunMain(SimCase simCase, Verdict verdict, Func<Task> main)
    {
        try
        {
            simCase.NewSimulation().Run(main);
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }
    }

    private static async Task Yield() => await Sim.Yield();

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private static string Now() => Sim.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
}
