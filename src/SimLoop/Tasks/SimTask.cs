using System;
using Microsoft.Extensions.Logging;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

/// <summary>A task running inside a simulation: a handle like asyncio's <c>Task</c>.</summary>
/// <remarks>
/// <para>Created by <see cref="Simulation.Spawn(Func{Task}, string)"/> or <see cref="Sim.Spawn(Func{Task}, string)"/>.
/// Its first step runs on a later step of the loop, never inside <c>Spawn</c>. Awaiting a <see cref="SimTask"/>
/// returns when it finishes and rethrows its exception; a cancelled task throws <see cref="SimCancelledException"/>.</para>
/// <para>Cancelling a task that is awaiting another <see cref="SimTask"/> cancels that one too and keeps waiting for it
/// (asyncio's rule); <see cref="Sim.Shield(SimTask)"/> stops that.</para>
/// </remarks>
public abstract partial class SimTask
{
    private static readonly Action<Task, object?> s_onBodyCompleted = static (body, state) => ((SimTask)state!).OnBodyCompleted(body);

    private WaitList _waits;
    private string? _name;
    private List<ITaskObserver>? _observers;
    private Task? _body;
    private SimTaskStatus _status;
    private Exception? _exception;
    private bool _observed;

    private protected SimTask(ITaskLoop loop, string? name)
    {
        Loop = loop;
        Id = loop.Tasks.NextId();
        _name = name;
        Context = new LoopSynchronizationContext(loop, this);
    }

    /// <summary>Gets the task's id: 1 for the first task of a simulation, counting up in creation order.</summary>
    public int Id { get; }

    /// <summary>Gets the task's name, as given to <c>Spawn</c>, or "task-{Id}".</summary>
    public string Name => _name ??= "task-" + Id;

    /// <summary>Gets whether the task has finished: ran to completion, faulted or was cancelled.</summary>
    public bool IsCompleted => _status >= SimTaskStatus.RanToCompletion;

    /// <summary>Gets whether the task finished by cancellation (it ended with an <see cref="OperationCanceledException"/>).</summary>
    public bool IsCancelled => _status == SimTaskStatus.Cancelled;

    /// <summary>Gets whether the task finished with an exception other than a cancellation.</summary>
    public bool IsFaulted => _status == SimTaskStatus.Faulted;

    /// <summary>Gets a <see cref="Task"/> that completes when this task finishes, with the same outcome.</summary>
    /// <remarks>Reading it counts as observing the task's exception. Prefer awaiting the <see cref="SimTask"/>
    /// itself: only that passes cancellation on to the awaited task.</remarks>
    public Task Completion
    {
        get
        {
            _observed = true;
            return CompletionTask;
        }
    }

    /// <summary>Gets the cause of the most recent cancellation request, or <see langword="null"/> if never cancelled.</summary>
    public CancellationCause? CancellationCause { get; private set; }

    internal ITaskLoop Loop { get; }

    internal LoopSynchronizationContext Context { get; }

    /// <summary>Gets or sets the task's priority under <see cref="ScheduleStrategy.Pct"/>.</summary>
    internal long Priority { get; set; }

    internal bool IsObserved => _observed;

    internal Exception? Exception => _exception;

    private protected abstract Task CompletionTask { get; }

    /// <summary>Gets an awaiter, so that <c>await task</c> waits for the task to finish.</summary>
    /// <returns>The awaiter.</returns>
    public SimTaskAwaiter GetAwaiter() => new(new TaskAwait(this));

    /// <summary>Describes the task: id, name and status.</summary>
    /// <returns>For example "task 2 'cancel_me' (Cancelled)".</returns>
    public override string ToString() => $"task {Id} '{Name}' ({_status})";

    /// <summary>Names a task as reports do: "'name'", or "the simulation" for work that belongs to no task.</summary>
    internal static string Describe(SimTask? task) => task is null ? "the simulation" : "'" + task.Name + "'";

    internal void Start()
    {
        Invariant.Assert(_status == SimTaskStatus.Created, "a task starts exactly once");
        if (TakePendingCause() is { } cause)
        {
            Finish(new SimCancelledException(cause));
            return;
        }

        _status = SimTaskStatus.Running;
        if (Loop.Logger.IsEnabled(LogLevel.Debug))
        {
            Log.TaskStarted(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, Name, Id); // Name makes the default name
        }

        Task body;
        try
        {
            body = InvokeBody()
                ?? throw new InvalidOperationException($"The body of task '{Name}' returned null instead of a Task.");
        }
        catch (Exception exception)
        {
            Finish(exception);
            return;
        }

        if (body.IsCompleted)
        {
            OnBodyCompleted(body);
        }
        else
        {
            _body = body; // for a deadlock report: where the task is suspended
            // Inline in the step that completes the body: no extra step, whatever context that step has.
            body.ContinueWith(s_onBodyCompleted, this, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    internal void AddObserver(ITaskObserver observer) => (_observers ??= new List<ITaskObserver>()).Add(observer);

    internal void RemoveObserver(ITaskObserver observer) => _observers?.Remove(observer);

    internal void AddWait(IInterruptible wait)
    {
        _waits.Add(wait);
        if (_status == SimTaskStatus.Running && TakePendingCause() is { } cause)
        {
            wait.Interrupt(cause);
        }
    }

    internal void RemoveWait(IInterruptible wait) => _waits.Remove(wait);

    internal string DescribeWaits()
    {
        if (_status == SimTaskStatus.Created)
        {
            return "not started yet";
        }

        string? where = SuspensionPoint.Describe(_body);
        string waits = _waits.Count == 0
            ? "blocked in an await SimLoop cannot see (a TaskCompletionSource, SemaphoreSlim, Channel, ..., or something " +
              "outside the simulation such as a real timer or real I/O started before the run)"
            : string.Join("; ", System.Array.ConvertAll(_waits.ToArray(), static w => w.Describe()));
        return where is null ? waits : $"{waits}; {where}";
    }

    /// <summary>Rethrows the task's exception for an awaiter; marks it observed.</summary>
    internal void ThrowIfNotSuccessful()
    {
        if (!IsCompleted)
        {
            throw new InvalidOperationException(
                $"Task '{Name}' has not finished. Await it instead of blocking on it: blocking the simulation's thread would hang the run.");
        }

        _observed = true;
        if (_exception is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_exception);
        }
    }

    /// <summary>Marks the task's exception observed and returns it without throwing it.</summary>
    internal Exception? ObserveException()
    {
        Invariant.Assert(IsCompleted, "only a finished task's exception is observed");
        _observed = true;
        return _exception;
    }

    private protected abstract Task InvokeBody();

    private protected abstract void CaptureResult(Task body);

    private protected abstract void SetCompletion(Exception? exception);

    private void OnBodyCompleted(Task body)
    {
        if (body.IsCompletedSuccessfully)
        {
            CaptureResult(body);
            Finish(null);
            return;
        }

        Exception exception;
        if (body.IsFaulted)
        {
            AggregateException all = body.Exception!;
            exception = all.InnerExceptions.Count == 1 ? all.InnerExceptions[0] : all;
        }
        else
        {
            try
            {
                body.GetAwaiter().GetResult();
                exception = new OperationCanceledException();
            }
            catch (OperationCanceledException cancelled)
            {
                exception = cancelled;
            }
        }

        Finish(exception);
    }

    private void Finish(Exception? exception)
    {
        Invariant.Assert(!IsCompleted, "a task finishes exactly once");
        if (exception is OperationCanceledException cancelled)
        {
            _status = SimTaskStatus.Cancelled;
            _exception = cancelled as SimCancelledException ?? new SimCancelledException(
                CancellationCause ?? new CancellationCause(Name, "it ended with " + cancelled.GetType().Name + ": " + cancelled.Message,
                    requestedBy: null, Loop.Clock.Elapsed, inner: null),
                cancelled);
        }
        else
        {
            _status = exception is null ? SimTaskStatus.RanToCompletion : SimTaskStatus.Faulted;
            _exception = exception;
        }

        _waits.Clear();
        _pendingCause = null;
        _body = null;
        if (_status == SimTaskStatus.Cancelled && !_tokenCancelled)
        {
            _tokenCancelled = true;
            CancelTokenSource();
        }

        Loop.Tasks.OnFinished(this);
        string outcome = _status == SimTaskStatus.RanToCompletion ? "ran to completion"
            : _status == SimTaskStatus.Cancelled ? "cancelled"
            : "faulted with " + _exception!.GetType().Name + ": " + _exception.Message;
        Loop.RecordEvent(this, TraceEventKind.TaskFinished, outcome);
        if (Loop.Logger.IsEnabled(LogLevel.Debug))
        {
            Log.TaskFinished(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, Name, Id, outcome);
        }

        if (_observers is { } observers)
        {
            _observers = null;
            foreach (ITaskObserver observer in observers)
            {
                observer.OnTaskFinished(this);
            }
        }

        SetCompletion(_exception);
    }

    private enum SimTaskStatus
    {
        Created,
        Running,
        RanToCompletion,
        Faulted,
        Cancelled,
    }
}
