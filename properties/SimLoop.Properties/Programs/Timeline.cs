namespace SimLoop.Properties;

// The model of a TimedProgram: when each step must end, computed from the program's text alone. A spawned child
// starts at its parent's current time (nothing moves the clock while its first step is ready); a delay ends
// exactly its length later; a yield takes no time; joining a child ends at the later of now and the child's end.
internal static class Timeline
{
    public static Dictionary<(string Task, int Index), TimeSpan> Expected(TimedProgram program)
    {
        var due = new Dictionary<(string, int), TimeSpan>();
        Walk(program.Main, "main", TimeSpan.Zero, due);
        return due;
    }

    private static TimeSpan Walk(TaskPlan plan, string path, TimeSpan start, Dictionary<(string, int), TimeSpan> due)
    {
        TimeSpan at = start;
        var childEnds = new List<TimeSpan>();
        for (int i = 0; i < plan.Ops.Count; i++)
        {
            switch (plan.Ops[i])
            {
                case DelayOp delay:
                    at += TimeSpan.FromMilliseconds(delay.Ms);
                    break;
                case ClockDelayOp delay:
                    at += TimeSpan.FromMilliseconds(delay.Ms);
                    break;
                case SpawnOp spawn:
                    string name = path + "." + childEnds.Count.ToString(CultureInfo.InvariantCulture);
                    childEnds.Add(Walk(spawn.Child, name, at, due));
                    break;
                case YieldOp:
                    break;
                default:
                    throw new ArgumentException($"A timed program has no {plan.Ops[i]} step.", nameof(plan));
            }

            due[(path, i)] = at;
        }

        for (int j = 0; j < childEnds.Count; j++)
        {
            at = at > childEnds[j] ? at : childEnds[j];
            due[(path, plan.Ops.Count + j)] = at;
        }

        return at;
    }
}
