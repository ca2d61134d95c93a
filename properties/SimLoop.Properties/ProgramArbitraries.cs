namespace SimLoop.Properties;

/// <summary>FsCheck arbitraries of the programs the laws run: nests of awaits, cancel times, background load and
/// generated programs, with the run itself (<see cref="SimCase"/>: seed and strategy) from SimLoop.FsCheck.
/// Registered per fixture with <c>[Properties(Arbitrary = new[] { typeof(ProgramArbitraries) })]</c>.</summary>
public static class ProgramArbitraries
{
    /// <summary>The deepest nest generated: the issue asks for depths up to 50.</summary>
    public const int DepthMax = 50;

    /// <summary>Seeds and strategies from <see cref="SimArbitraries.SimCases(FaultPlan)"/>, with no fault plan: each
    /// law's program cancels what it cancels itself, at times its model knows.</summary>
    /// <returns>The arbitrary; <c>SIMLOOP_SEED</c> and <c>SIMLOOP_STRATEGY</c> pin every case it generates.</returns>
    public static Arbitrary<SimCase> Cases() => SimArbitraries.SimCases(FaultPlan.None);

    /// <summary>Nests of depth 1 to <see cref="DepthMax"/>, with an even innermost delay and an odd cancel time.</summary>
    /// <returns>The arbitrary; it shrinks by removing levels, dropping waits and moving times towards 1 ms.</returns>
    public static Arbitrary<NestPlan> Nests()
    {
        Gen<NestLevel> level =
            from asTask in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            from catchDelay in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Constant(0)), (2, Gen.Choose(1, 40)))
            from finallyYields in Gen.Elements(false, false, true)
            select new NestLevel(asTask, catchDelay, finallyYields);
        Gen<NestPlan> nests =
            from depth in Gen.Choose(1, DepthMax)
            from levels in Gen.ArrayOf(level, depth)
            from wait in Gen.Elements(InnermostWait.SimDelay, InnermostWait.SimDelay, InnermostWait.ClockDelay,
                InnermostWait.WaitFor, InnermostWait.Shield)
            from innermost in Gen.Choose(1, 500)
            from cancelAt in Gen.Choose(0, 500)
            from requests in Gen.Choose(1, 3)
            select new NestPlan(Outermost(levels), wait, innermost * 2, cancelAt * 2 + 1, requests);
        return Arb.From(nests, ShrinkNest);
    }

    /// <summary>Zero to four background tasks of up to eight waits each (0 = a yield).</summary>
    /// <returns>The arbitrary; it shrinks by removing tasks.</returns>
    public static Arbitrary<BackgroundLoad> Loads()
    {
        Gen<int> wait = Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 300)));
        Gen<IReadOnlyList<int>> task = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(wait, n)).Select(a => (IReadOnlyList<int>)a);
        Gen<BackgroundLoad> loads = Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(task, n)).Select(a => new BackgroundLoad(a));
        return Arb.From(loads, load => Enumerable.Range(0, load.Tasks.Count)
            .Select(i => new BackgroundLoad([.. load.Tasks.Take(i), .. load.Tasks.Skip(i + 1)])));
    }

    /// <summary>Times of a cancellation racing a task's work: work and the wait after it even, the cancel odd.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CancelTiming> Timings() =>
        Arb.From(
            from work in Gen.Choose(1, 200)
            from after in Gen.Choose(0, 200)
            from cancelAt in Gen.Choose(0, 400)
            select new CancelTiming(work * 2, after * 2, cancelAt * 2 + 1));

    /// <summary>Generated programs of spawns, delays, yields, cancels, awaits, timeouts and shields.</summary>
    /// <returns>The arbitrary; it shrinks by removing steps.</returns>
    public static Arbitrary<SimProgram> Programs() =>
        Arb.From(ProgramGen.Programs, p => ProgramGen.Shrink(p.Main).Select(m => new SimProgram(m)));

    /// <summary>Generated programs of spawns, delays and yields, whose timeline follows from their text.</summary>
    /// <returns>The arbitrary; it shrinks by removing steps.</returns>
    public static Arbitrary<TimedProgram> TimedPrograms() =>
        Arb.From(ProgramGen.TimedPrograms, p => ProgramGen.Shrink(p.Main).Select(m => new TimedProgram(m)));

    private static NestLevel[] Outermost(NestLevel[] levels)
    {
        levels[0] = levels[0] with { AsTask = false }; // level 1 is the nest's own task
        return levels;
    }

    private static IEnumerable<NestPlan> ShrinkNest(NestPlan plan)
    {
        for (int i = plan.Depth - 1; i >= 0 && plan.Depth > 1; i--)
        {
            yield return plan with { Levels = Outermost([.. plan.Levels.Take(i), .. plan.Levels.Skip(i + 1)]) };
        }

        for (int i = 0; i < plan.Depth; i++)
        {
            NestLevel level = plan.Levels[i];
            if (level != new NestLevel(false, -1, false))
            {
                NestLevel[] plainer = [.. plan.Levels];
                plainer[i] = new NestLevel(false, -1, false);
                yield return plan with { Levels = plainer };
            }
        }

        if (plan.Innermost != InnermostWait.SimDelay)
        {
            yield return plan with { Innermost = InnermostWait.SimDelay };
        }

        if (plan.CancelAtMs > 1)
        {
            yield return plan with { CancelAtMs = 1 };
        }

        if (plan.InnermostDelayMs > 2)
        {
            yield return plan with { InnermostDelayMs = plan.CancelsBeforeCompletion ? (plan.CancelAtMs + 1) : 2 };
        }

        if (plan.CancelRequests > 1)
        {
            yield return plan with { CancelRequests = 1 };
        }
    }
}
