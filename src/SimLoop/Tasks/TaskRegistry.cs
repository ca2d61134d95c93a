using System.Collections.Generic;

namespace SimLoop;

// The tasks of one simulation in creation order (asyncio.all_tasks), which is also the order in which CancelAll,
// deadlock reports and unobserved-fault reports list them. Finished tasks are dropped lazily, so that a run of a
// million short tasks keeps only the live ones.
internal sealed class TaskRegistry
{
    private readonly ITaskLoop _loop;
    private readonly List<SimTask> _tasks = new();
    private List<SimTask>? _faulted; // made by the first fault: most runs have none
    private int _nextId;

    public TaskRegistry(ITaskLoop loop)
    {
        _loop = loop;
    }

    public int PendingCount { get; private set; }

    public int NextId() => ++_nextId;

    public void Add(SimTask task)
    {
        Invariant.Assert(task.Id == _nextId, "tasks are registered in creation order");
        _tasks.Add(task);
        PendingCount++;
    }

    public void OnFinished(SimTask task)
    {
        PendingCount--;
        Invariant.Assert(PendingCount >= 0, "a task finishes once");
        if (task.IsFaulted)
        {
            (_faulted ??= new List<SimTask>()).Add(task);
        }

        if (_tasks.Count > 32 && PendingCount < _tasks.Count / 2)
        {
            _tasks.RemoveAll(static t => t.IsCompleted);
        }
    }

    /// <summary>The unfinished tasks, in creation order.</summary>
    public List<SimTask> Pending()
    {
        var pending = new List<SimTask>(PendingCount);
        foreach (SimTask task in _tasks)
        {
            if (!task.IsCompleted)
            {
                pending.Add(task);
            }
        }

        Invariant.Assert(pending.Count == PendingCount, "the registry counts exactly its unfinished tasks");
        return pending;
    }

    /// <summary>Faulted tasks whose exception nothing observed, in the order they finished.</summary>
    public List<SimTask> UnobservedFaults() => _faulted?.FindAll(static t => !t.IsObserved) ?? new List<SimTask>();

    public int CancelAll(string reason)
    {
        if (PendingCount == 0)
        {
            return 0; // the end of most runs: no list of nothing
        }

        int cancelled = 0;
        foreach (SimTask task in Pending())
        {
            var cause = new CancellationCause(task.Name, reason, _loop.CurrentTask?.Name, _loop.Clock.Elapsed, inner: null);
            if (task.RequestCancel(cause))
            {
                cancelled++;
            }
        }

        return cancelled;
    }
}
