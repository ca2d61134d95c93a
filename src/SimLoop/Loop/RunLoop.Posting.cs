using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// The ways work reaches the ready queue: posted continuations (every task's SynchronizationContext), Tasks queued
// to the loop's TaskScheduler, and work a step sent to the thread pool. All of them only enqueue.
internal sealed partial class RunLoop
{
    public void Post(SendOrPostCallback callback, object? state, SimTask? owner, TraceEventKind kind)
    {
        Invariant.Assert(kind != TraceEventKind.QueuedTask, "only PostTask queues a Task");
        if (Guard.IsRunning && !Guard.IsStepThread)
        {
            Guard.Report($"a continuation was posted to the simulation from thread {Environment.CurrentManagedThreadId}, " +
                "outside any step: something completed off the loop (a real timer such as Task.Delay without sim.Clock, " +
                "real I/O, or a thread of its own)");
            return;
        }

        if (HasEnded)
        {
            Log.PostAfterEnd(Logger, Steps, Clock.Elapsed, owner?.Name);
            return;
        }

        _ready.Enqueue(callback, state, owner, ++_sequence, kind);
    }

    public void PostTask(Task task)
    {
        if (Guard.IsRunning && !Guard.IsStepThread)
        {
            Guard.Report($"a Task was queued to the simulation's TaskScheduler from thread {Environment.CurrentManagedThreadId}");
            return;
        }

        _ready.Enqueue(s_runTask, task, CurrentTask, ++_sequence, TraceEventKind.QueuedTask);
    }

    /// <summary>A step queued work to the thread pool: it takes its turn in the ready queue like a posted continuation,
    /// and runs, when chosen, on the pool thread that picked it up, while the loop waits.</summary>
    public void OnSentToThreadPool(long workId)
    {
        if (HasEnded || !Guard.IsRunning)
        {
            return;
        }

        var arrival = new ThreadPoolArrival(Guard, workId, Steps);
        if (!Guard.Expect(arrival))
        {
            return;
        }

        _ready.Enqueue(s_runOnThreadPool, arrival, CurrentTask, ++_sequence, TraceEventKind.ThreadPoolWork);
    }

    /// <summary>A step started a real timer: it would fire on the thread pool in real time, outside the run's order.</summary>
    public void OnRealTimerStarted(int dueMilliseconds)
    {
        if (HasEnded || !Guard.IsRunning || !Guard.IsStepThread)
        {
            return;
        }

        Guard.Report($"step {Steps} of {SimTask.Describe(CurrentTask)} started a real timer, due in {dueMilliseconds} ms of wall " +
            $"time{CallSite()} (Task.Delay, CancellationTokenSource.CancelAfter, PeriodicTimer or Task.WaitAsync without the simulation's " +
            "clock, a System.Threading.Timer, or a library's own timer such as a timeout). It would fire on the thread pool " +
            "in real time, outside the run's order. Pass sim.Clock (Sim.Clock) wherever a TimeProvider is taken, or wait " +
            "with Sim.Delay");
    }

    /// <summary>A step started real I/O: it completes when the operating system says so, outside the run's order.</summary>
    public void OnRealIoStarted(string operation)
    {
        if (HasEnded || !Guard.IsRunning || !Guard.IsStepThread)
        {
            return;
        }

        Guard.Report($"step {Steps} of {SimTask.Describe(CurrentTask)} started real I/O ({operation}){CallSite()}. It completes when the " +
            "operating system says so, on another thread, outside the run's order. Replace it with an in-memory fake (an " +
            "HttpMessageHandler, a test server, SimNetwork)");
    }

    // Where the step started it, read on the step's own thread while the runtime reports it: the same every run.
    private static string CallSite() =>
        BlockingSite.Describe(new System.Diagnostics.StackTrace(1, fNeedFileInfo: true)) is { } site ? ", " + site : string.Empty;

    public IEnumerable<Task> QueuedTasks()
    {
        var tasks = new List<Task>();
        for (int i = 0; i < _ready.Count; i++)
        {
            if (_ready[i].Task is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }
}
