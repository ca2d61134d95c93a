namespace SimLoop.Properties;

// The interpreter of generated programs: runs a TaskPlan as a SimTask and records every step's end (time and
// outcome) in one log, in the order the steps ran. Cancellations and timeouts are caught per step and recorded,
// so a cancelled task goes on with its next step (asyncio allows it); any other exception fails the run.
internal sealed class ProgramRun
{
    public List<ProgramEvent> Log { get; } = [];

    public Task Main(TaskPlan plan) => Run(plan, "main");

    private async Task Run(TaskPlan plan, string path)
    {
        var children = new List<SimTask>();
        for (int i = 0; i < plan.Ops.Count; i++)
        {
            ProgramOp op = plan.Ops[i];
            string outcome;
            try
            {
                outcome = await Execute(op, children, path);
            }
            catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
            {
                outcome = exception.GetType().Name;
            }

            Log.Add(new ProgramEvent(path, i, op.ToString(), Sim.Elapsed, outcome));
        }

        for (int j = 0; j < children.Count; j++)
        {
            string outcome = "ok";
            try
            {
                await children[j];
            }
            catch (OperationCanceledException exception)
            {
                outcome = exception.GetType().Name;
            }

            Log.Add(new ProgramEvent(path, plan.Ops.Count + j, "join" + j.ToString(CultureInfo.InvariantCulture),
                Sim.Elapsed, outcome));
        }
    }

    private async Task<string> Execute(ProgramOp op, List<SimTask> children, string path)
    {
        switch (op)
        {
            case DelayOp delay:
                await Sim.Delay(TimeSpan.FromMilliseconds(delay.Ms));
                return "ok";
            case ClockDelayOp delay:
                await Task.Delay(TimeSpan.FromMilliseconds(delay.Ms), Sim.Clock, Sim.CurrentTask!.CancellationToken);
                return "ok";
            case YieldOp:
                await Sim.Yield();
                return "ok";
            case RandomDelayOp random:
                int ms = Sim.Random.Next(random.MaxMs);
                await Sim.Delay(TimeSpan.FromMilliseconds(ms));
                return ms.ToString(CultureInfo.InvariantCulture) + "ms";
            case SpawnOp spawn:
                string name = path + "." + children.Count.ToString(CultureInfo.InvariantCulture);
                children.Add(Sim.Spawn(() => Run(spawn.Child, name), name));
                return "ok";
            case ChildOp child when children.Count > 0:
                return await OnChild(child, children[child.Child % children.Count]);
            default:
                return "no child";
        }
    }

    private static async Task<string> OnChild(ChildOp op, SimTask child)
    {
        switch (op.Action)
        {
            case ChildAction.Cancel:
                return child.Cancel() ? "true" : "false";
            case ChildAction.Await:
                await child;
                return "ok";
            case ChildAction.Shield:
                await Sim.Shield(child);
                return "ok";
            default:
                await Sim.WaitFor(child, TimeSpan.FromMilliseconds(op.TimeoutMs));
                return "ok";
        }
    }
}
