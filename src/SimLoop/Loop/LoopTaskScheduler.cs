using System.Collections.Generic;
using System.Threading.Tasks;

namespace SimLoop;

// A TaskScheduler over the same ready queue, for code that queues Tasks rather than posting callbacks
// (Task.Factory.StartNew, ContinueWith, TaskFactory). One step at a time, on the loop thread.
internal sealed class LoopTaskScheduler : TaskScheduler
{
    private readonly RunLoop _loop;

    public LoopTaskScheduler(RunLoop loop)
    {
        _loop = loop;
    }

    // Tasks interleave at their awaits, so any number may be in flight (Parallel.ForEachAsync sizes its workers by
    // this); the loop still runs one step at a time.
    public override int MaximumConcurrencyLevel => int.MaxValue;

    internal void Execute(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => _loop.PostTask(task);

    // Inlining is allowed only inside a step on the loop thread (Task.Wait, RunSynchronously), where it runs
    // as part of that step; the queued copy of an inlined task then does nothing when its turn comes.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _loop.IsInsideStep && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => _loop.QueuedTasks();
}
