using System;

namespace SimLoop;

// What the parts below the loop see of it, each through its own narrow interface: the clock (the thread check and a
// timer's owner), the tasks (post, now, current task, record), the pool capture (reports and the step's budget).
internal sealed partial class RunLoop : ITimerContext, ITaskLoop, IWatchedLoop
{
    object? ITimerContext.CurrentOwner => CurrentTask;

    TimeSpan IWatchedLoop.StepWallLimit => Watch.Limit;

    public void CheckCaller(string operation) => Guard.CheckCaller(operation);

    public void RecordCancellation(SimTask target, CancellationCause cause, string text) =>
        Trace.RecordCancellation(Steps, Clock.ElapsedTicks, CurrentTask, target, cause, text);

    void IWatchedLoop.LeaveUserCode() => Watch.LeaveUserCode();

    void IWatchedLoop.FailStep(string report) => Watch.Fail(report);
}
