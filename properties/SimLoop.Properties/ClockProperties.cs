namespace SimLoop.Properties;

/// <summary>Laws of virtual time (DESIGN "Semantics that properties pin down", 1): it moves only when nothing is
/// ready, never backwards, and a timer fires at exactly its due time.</summary>
[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]
public sealed class ClockProperties
{
    /// <summary>In a program of spawns, delays (SimLoop's and the BCL's on the clock) and yields, every step ends at
    /// the time the program's text gives it.</summary>
    /// <param name="seed">The seed (every strategy runs).</param>
    /// <param name="program">The program.</param>
    [SimulationProperty(Seeds = 500)]
    public void Clock_TimedProgram_EveryWaitEndsAtExactlyItsDueTime(SimCase seed, TimedProgram program)
    {
        Dictionary<(string Task, int Index), TimeSpan> due = Timeline.Expected(program);
        TimeSpan end = due.Count == 0 ? TimeSpan.Zero : due.Values.Max();
        foreach (ScheduleStrategy strategy in Runs.Strategies)
        {
            SimCase simCase = seed.With(strategy);
            var verdict = new Verdict($"Exact timeline ({program})", simCase);
            var run = new ProgramRun();
            Simulation sim = simCase.NewSimulation();
            Run(sim, () => run.Main(program.Main), verdict);
            verdict.ExpectEqual(due.Count, run.Log.Count, "steps recorded");
            foreach (ProgramEvent step in run.Log)
            {
                TimeSpan? expected = due.TryGetValue((step.Task, step.Index), out TimeSpan at) ? at : null;
                verdict.ExpectEqual(expected, step.At, $"end of {step.Task}#{step.Index} {step.Op} (null: a step the program does not have)");
            }

            verdict.ExpectEqual(end, sim.Elapsed, "virtual time at the end of the run");
            ExpectNeverBackwards(verdict, sim, run.Log);
            verdict.ThrowIfViolated();
        }
    }

    /// <summary>Whatever the program does (cancels, timeouts, shields, drained tasks), time never moves backwards,
    /// neither as the program observes it nor in the trace.</summary>
    /// <param name="simCase">The seed and strategy.</param>
    /// <param name="program">The program.</param>
    [SimulationProperty(Seeds = 600)]
    public void Clock_AnyProgram_NeverMovesBackwards(SimCase simCase, SimProgram program)
    {
        var verdict = new Verdict($"Monotonic time ({program})", simCase);
        var run = new ProgramRun();
        Simulation sim = simCase.NewSimulation();
        Run(sim, () => run.Main(program.Main), verdict);
        ExpectNeverBackwards(verdict, sim, run.Log);
        verdict.ThrowIfViolated();
    }

    /// <summary>While one task keeps yielding, work is always ready, so the clock stays put, even for a timer due one
    /// tick later; once nothing is ready the clock jumps straight to that timer's due time.</summary>
    /// <param name="simCase">The seed and strategy.</param>
    /// <param name="yields">How many times the busy task yields (at most 300).</param>
    /// <param name="dueTicks">When the timer is due, in ticks (at least 1).</param>
    [SimulationProperty(Seeds = 500)]
    public void Clock_WorkReady_DoesNotMove(SimCase simCase, PositiveInt yields, PositiveInt dueTicks)
    {
        int count = Math.Min(yields.Get, 300);
        TimeSpan due = TimeSpan.FromTicks(dueTicks.Get);
        var verdict = new Verdict($"Clock waits for ready work ({count} yields, timer due at {due.Ticks} ticks)", simCase);
        var log = new List<(string What, TimeSpan At)>();
        Run(simCase.NewSimulation(), async () =>
        {
            SimTask timer = Sim.Spawn(async () =>
            {
                await Sim.Delay(due);
                log.Add(("timer", Sim.Elapsed));
            });
            SimTask busy = Sim.Spawn(async () =>
            {
                for (int i = 0; i < count; i++)
                {
                    await Sim.Yield();
                    log.Add(("yield", Sim.Elapsed));
                }
            });
            await busy;
            await timer;
        }, verdict);
        var expected = Enumerable.Repeat(("yield", TimeSpan.Zero), count).Append(("timer", due)).ToList();
        verdict.ExpectSequence(expected, log, "what the tasks saw, in order");
        verdict.ThrowIfViolated();
    }

    /// <summary><c>sim.At</c> runs each action at exactly its time; one scheduled for a time already past runs at the
    /// current instant.</summary>
    /// <param name="simCase">The seed and strategy.</param>
    /// <param name="times">The actions' times in milliseconds (taken modulo 1000).</param>
    /// <param name="lateMs">When main schedules one more action, for a time already past (modulo 1000).</param>
    [SimulationProperty(Seeds = 500)]
    public void At_ActionRunsAtExactlyItsTime(SimCase simCase, NonNegativeInt[] times, NonNegativeInt lateMs)
    {
        int[] at = [.. times.Select(t => t.Get % 1000)];
        int late = lateMs.Get % 1000;
        var verdict = new Verdict($"sim.At ({string.Join(",", at)} ms; late one from {late} ms)", simCase);
        var ran = new TimeSpan?[at.Length + 1];
        Simulation sim = simCase.NewSimulation();
        for (int i = 0; i < at.Length; i++)
        {
            int index = i;
            sim.At(TimeSpan.FromMilliseconds(at[i]), () => ran[index] = sim.Elapsed);
        }

        Run(sim, async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(late));
            sim.At(TimeSpan.FromMilliseconds(late / 2), () => ran[at.Length] = sim.Elapsed);
            await Sim.Delay(TimeSpan.FromMilliseconds(1000));
        }, verdict);
        for (int i = 0; i < at.Length; i++)
        {
            verdict.ExpectEqual<TimeSpan?>(TimeSpan.FromMilliseconds(at[i]), ran[i], $"action {i} (at {at[i]} ms)");
        }

        verdict.ExpectEqual<TimeSpan?>(TimeSpan.FromMilliseconds(late), ran[at.Length], "the action scheduled for a past time");
        verdict.ThrowIfViolated();
    }

    private static void Run(Simulation sim, Func<Task> main, Verdict verdict)
    {
        try
        {
            sim.Run(main);
        }
        catch (Exception exception) when (exception is not LawViolationException)
        {
            verdict.Unexpected(exception);
        }
    }

    private static void ExpectNeverBackwards(Verdict verdict, Simulation sim, List<ProgramEvent> log)
    {
        for (int i = 1; i < log.Count; i++)
        {
            verdict.Expect(log[i].At >= log[i - 1].At, $"time observed by the program went backwards: {log[i - 1]} then {log[i]}");
        }

        TraceEntry? previous = null;
        foreach (TraceEntry entry in sim.Trace)
        {
            verdict.Expect(previous is null || entry.Elapsed >= previous.Value.Elapsed,
                $"the trace went backwards in time: {previous} then {entry}");
            previous = entry;
        }
    }
}
