namespace SimLoop.Properties;

// Generators and shrinkers of generated programs. Programs stay small (spawns nest at most three deep, at most
// eight steps a task) so that a property can run hundreds of them within its time budget; shrinking removes
// steps, shrinks children and shortens delays, so a failure is reported as the smallest program that fails.
internal static class ProgramGen
{
    private const int SpawnDepthMax = 3;
    private const int StepsMax = 8;

    public static Gen<SimProgram> Programs { get; } = Task(SpawnDepthMax, timed: false).Select(p => new SimProgram(p));

    public static Gen<TimedProgram> TimedPrograms { get; } =
        Task(SpawnDepthMax, timed: true).Select(p => new TimedProgram(p));

    public static IEnumerable<TaskPlan> Shrink(TaskPlan plan)
    {
        IReadOnlyList<ProgramOp> ops = plan.Ops;
        for (int i = 0; i < ops.Count; i++)
        {
            yield return new TaskPlan([.. ops.Take(i), .. ops.Skip(i + 1)]);
        }

        for (int i = 0; i < ops.Count; i++)
        {
            foreach (ProgramOp smaller in ShrinkOp(ops[i]))
            {
                yield return new TaskPlan([.. ops.Take(i), smaller, .. ops.Skip(i + 1)]);
            }
        }
    }

    private static IEnumerable<ProgramOp> ShrinkOp(ProgramOp op) => op switch
    {
        SpawnOp spawn => Shrink(spawn.Child).Select(child => (ProgramOp)new SpawnOp(child)),
        DelayOp { Ms: > 0 } delay => [new DelayOp(delay.Ms / 2)],
        ClockDelayOp { Ms: > 1 } delay => [new ClockDelayOp(delay.Ms / 2)],
        ChildOp { Child: > 0 } child => [child with { Child = 0 }],
        _ => [],
    };

    private static Gen<TaskPlan> Task(int depth, bool timed) =>
        Gen.Choose(0, StepsMax)
            .SelectMany(count => Gen.ArrayOf(Op(depth, timed), count))
            .Select(ops => new TaskPlan(FirstSpawnFirst(ops)));

    private static Gen<ProgramOp> Op(int depth, bool timed)
    {
        var choices = new List<(int, Gen<ProgramOp>)>
        {
            (4, Gen.Choose(0, 50).Select(ms => (ProgramOp)new DelayOp(ms))),
            (2, Gen.Choose(1, 50).Select(ms => (ProgramOp)new ClockDelayOp(ms))),
            (3, Gen.Constant((ProgramOp)new YieldOp())),
        };
        if (depth > 0)
        {
            choices.Add((3, Task(depth - 1, timed).Select(child => (ProgramOp)new SpawnOp(child))));
        }

        if (!timed)
        {
            choices.Add((1, Gen.Choose(1, 50).Select(max => (ProgramOp)new RandomDelayOp(max))));
            choices.Add((3, Child(ChildAction.Cancel)));
            choices.Add((2, Child(ChildAction.Await)));
            choices.Add((1, Child(ChildAction.Shield)));
            choices.Add((2, Gen.Zip(Gen.Choose(0, 4), Gen.Choose(0, 60))
                .Select(t => (ProgramOp)new ChildOp(ChildAction.WaitFor, t.Item1, t.Item2))));
        }

        return Gen.Frequency(choices.ToArray());
    }

    // Child steps name a child spawned earlier; with the first spawn at the front they find one, so cancels, awaits,
    // timeouts and shields really race the child instead of finding no child.
    private static ProgramOp[] FirstSpawnFirst(ProgramOp[] ops)
    {
        int first = Array.FindIndex(ops, op => op is SpawnOp);
        return first <= 0 ? ops : [ops[first], .. ops.Take(first), .. ops.Skip(first + 1)];
    }

    private static Gen<ProgramOp> Child(ChildAction action) =>
        Gen.Choose(0, 4).Select(child => (ProgramOp)new ChildOp(action, child));
}
