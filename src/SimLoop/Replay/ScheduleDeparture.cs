namespace SimLoop;

/// <summary>One step where a run departed from Fifo order: what ran, and what Fifo would have run instead.</summary>
/// <param name="Step">The step.</param>
/// <param name="Ran">What ran: a task's name in quotes, or "the timer of 'x'".</param>
/// <param name="FifoWouldRun">What Fifo (asyncio's order) would have run at that step.</param>
public readonly record struct ScheduleDeparture(long Step, string Ran, string FifoWouldRun)
{
    /// <summary>Says the departure in words.</summary>
    /// <returns>For example "step 14: 'withdraw#2' ran before 'withdraw#1' (Fifo would have run 'withdraw#1')".</returns>
    public override string ToString() => $"step {Step}: {Ran} ran before {FifoWouldRun} (Fifo would have run {FifoWouldRun})";
}
