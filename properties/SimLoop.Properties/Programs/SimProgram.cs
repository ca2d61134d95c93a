namespace SimLoop.Properties;

/// <summary>One step of a generated task.</summary>
public abstract record ProgramOp;

/// <summary><c>await Sim.Delay(Ms)</c>.</summary>
/// <param name="Ms">Milliseconds; 0 yields.</param>
public sealed record DelayOp(int Ms) : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => "d" + Ms.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>await Task.Delay(Ms, Sim.Clock, token)</c>: a BCL wait on the virtual clock.</summary>
/// <param name="Ms">Milliseconds.</param>
public sealed record ClockDelayOp(int Ms) : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => "c" + Ms.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>await Sim.Yield()</c>.</summary>
public sealed record YieldOp : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => "y";
}

/// <summary><c>await Sim.Delay</c> of a duration drawn from <c>Sim.Random</c> below <paramref name="MaxMs"/>.</summary>
/// <param name="MaxMs">Exclusive upper bound, milliseconds.</param>
public sealed record RandomDelayOp(int MaxMs) : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => "r" + MaxMs.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>Sim.Spawn</c> a child running <paramref name="Child"/>.</summary>
/// <param name="Child">The child's program.</param>
public sealed record SpawnOp(TaskPlan Child) : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => "s" + Child;
}

/// <summary>An operation on one of this task's children (index modulo the number spawned so far).</summary>
/// <param name="Action">What to do with the child.</param>
/// <param name="Child">Which child.</param>
/// <param name="TimeoutMs">The timeout of <see cref="ChildAction.WaitFor"/>, milliseconds.</param>
public sealed record ChildOp(ChildAction Action, int Child, int TimeoutMs = 0) : ProgramOp
{
    /// <inheritdoc/>
    public override string ToString() => Action switch
    {
        ChildAction.Await => "a",
        ChildAction.Cancel => "x",
        ChildAction.Shield => "h",
        _ => "w",
    } + Child.ToString(CultureInfo.InvariantCulture)
      + (Action == ChildAction.WaitFor ? "/" + TimeoutMs.ToString(CultureInfo.InvariantCulture) : "");
}

/// <summary>What a <see cref="ChildOp"/> does.</summary>
public enum ChildAction
{
    /// <summary><c>await child</c>.</summary>
    Await,

    /// <summary><c>child.Cancel()</c>.</summary>
    Cancel,

    /// <summary><c>await Sim.WaitFor(child, timeout)</c>.</summary>
    WaitFor,

    /// <summary><c>await Sim.Shield(child)</c>.</summary>
    Shield,
}

/// <summary>A generated task: its steps, in order; when they are done it awaits each child it spawned.</summary>
/// <param name="Ops">The steps.</param>
public sealed record TaskPlan(IReadOnlyList<ProgramOp> Ops)
{
    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(" ", Ops) + "]";
}

/// <summary>A generated program of spawns, delays, yields, cancels, awaits, timeouts and shields.</summary>
/// <param name="Main">What main runs.</param>
public sealed record SimProgram(TaskPlan Main)
{
    /// <inheritdoc/>
    public override string ToString() => "program " + Main;
}

/// <summary>A generated program of spawns, delays and yields only, whose timeline follows from its text.</summary>
/// <param name="Main">What main runs.</param>
public sealed record TimedProgram(TaskPlan Main)
{
    /// <inheritdoc/>
    public override string ToString() => "timed program " + Main;
}

/// <summary>What one step of a generated task did.</summary>
/// <param name="Task">The task's path: "main", "main.0", "main.0.1", ...</param>
/// <param name="Index">The step's index; the joins at the end follow the steps.</param>
/// <param name="Op">The step, or "join" with the child's index.</param>
/// <param name="At">Virtual time since the start when the step ended.</param>
/// <param name="Outcome">"ok", what <c>Cancel()</c> returned, the drawn delay, or the exception's type.</param>
public sealed record ProgramEvent(string Task, int Index, string Op, TimeSpan At, string Outcome)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Task}#{Index} {Op}@{At.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms {Outcome}";
}
