using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Work that leaves the loop thread would race the loop and make runs unrepeatable, so it is caught at the door.
// An AsyncLocal set on the loop thread flows with the ExecutionContext into everything the run starts; its change
// handler fires on any other thread the moment such work arrives there, before any of the work's code runs.
// Work a step sent to the pool (known from ThreadPoolListener) is held there until the loop hands it the baton:
// it then runs as one step while the loop waits, so one thing runs at a time, in the loop's order. The step ends
// when the pool thread's context switches back, which for a Task item comes too early, so Tasks are refused. Work nobody
// sent (a real timer, real I/O, a thread of its own) fails the run, naming it.
[SuppressMessage("Reliability", "CA1001", Justification = "Held pool threads may still wait on its events after the run; they are left to the GC.")]
internal sealed class ThreadGuard
{
    // Wall-clock bounds for failure paths only: a pool thread that never comes, or a step on one that never ends.
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private static readonly AsyncLocal<ThreadGuard?> s_marker = new(OnMarkerChanged);

    // Set on a pool thread while it holds the baton for this guard.
    [ThreadStatic]
    private static ThreadGuard? t_baton;

    private readonly ManualResetEventSlim _escaped = new(initialState: false);
    private readonly ManualResetEventSlim _stepDone = new(initialState: false);
    private readonly Dictionary<long, ThreadPoolArrival> _expected = new();
    private readonly object _gate = new();
    private readonly Simulation _simulation;
    private int _loopThreadId;
    private volatile int _stepThreadId;
    private volatile bool _running;
    private volatile string? _escape;

    public ThreadGuard(Simulation simulation)
    {
        _simulation = simulation;
    }

    public bool IsRunning => _running;

    public bool HasEscaped => _escape is not null;

    public string? Escape => _escape;

    /// <summary>Gets whether the calling thread runs the current step: the loop thread, or a pool thread holding the baton.</summary>
    public bool IsStepThread => Environment.CurrentManagedThreadId == _stepThreadId;

    /// <summary>Gets the simulation whose step a pool thread is running, for <c>Sim.Current</c> there.</summary>
    public static Simulation? BatonSimulation => t_baton is { } guard && guard.IsStepThread ? guard._simulation : null;

    public void Enter()
    {
        _loopThreadId = Environment.CurrentManagedThreadId;
        _stepThreadId = _loopThreadId;
        _running = true;
        s_marker.Value = this;
    }

    public void Exit()
    {
        _running = false;
        s_marker.Value = null;
        lock (_gate)
        {
            foreach (ThreadPoolArrival arrival in _expected.Values)
            {
                arrival.Go.Set();
            }
        }
    }

    /// <summary>Records the first escape; later ones add nothing the message needs.</summary>
    public void Report(string what)
    {
        lock (_gate)
        {
            _escape ??= what;
            Monitor.PulseAll(_gate);
        }

        _escaped.Set();
    }

    /// <summary>Throws unless called on the thread running the current step (or while no run is in progress).</summary>
    public void CheckCaller(string member)
    {
        if (_running && !IsStepThread)
        {
            string what = $"{member} was called from thread {Environment.CurrentManagedThreadId}, not the simulation's thread";
            Report(what);
            throw new InvalidOperationException(
                $"{what}. A simulation runs one step at a time on its own thread; work that left it on its own (a real " +
                "timer, real I/O, a thread of its own) cannot use it. Use Sim.Spawn and the simulation's clock instead.");
        }
    }

    /// <summary>At an idle point, gives work that arrived uninvited a moment to show itself before a deadlock.</summary>
    public bool WaitForEscape(TimeSpan grace) => _escaped.Wait(grace);

    /// <summary>Fails the run at once for work queued without the simulation's ExecutionContext: it could never arrive.</summary>
    public void ReportUnfollowable() =>
        Report("work was queued to the thread pool with ExecutionContext flow suppressed (ExecutionContext.SuppressFlow, " +
               "as some libraries do around Task.Run), so the simulation cannot follow it. Keep the work on the loop: " +
               "use Sim.Spawn, or create the object that queues it before the simulation runs");

    /// <summary>Registers work a step has just queued to the pool, so the thread that picks it up is let in.</summary>
    /// <returns><see langword="false"/> when the item is already expected: the pool moved it between its queues
    /// (which logs a second enqueue), so it is not new work.</returns>
    public bool Expect(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            return _expected.TryAdd(arrival.WorkId, arrival);
        }
    }

    /// <summary>Runs the sent work as the current step: waits for its thread, hands it the baton, waits until it is done.</summary>
    public void RunOnPoolThread(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            while (!arrival.HasArrived && _escape is null)
            {
                if (!Monitor.Wait(_gate, ArrivalTimeout))
                {
                    _expected.Remove(arrival.WorkId);
                    Report($"work sent to the thread pool at step {arrival.SentAtStep} never arrived: it did not carry the " +
                           "simulation's ExecutionContext (ThreadPool.UnsafeQueueUserWorkItem, ExecutionContext.SuppressFlow)");
                    return;
                }
            }

            if (!arrival.HasArrived)
            {
                return;
            }
        }

        _stepDone.Reset();
        _stepThreadId = arrival.ThreadId;
        arrival.Go.Set();
        bool finished = _stepDone.Wait(StepTimeout);
        _stepThreadId = _loopThreadId;
        if (!finished)
        {
            Report($"a step running on thread pool thread {arrival.ThreadId} did not finish within {StepTimeout.TotalSeconds} s of wall time (it blocked?)");
        }
    }

    private static void OnMarkerChanged(AsyncLocalValueChangedArgs<ThreadGuard?> args)
    {
        if (!args.ThreadContextChanged)
        {
            return;
        }

        if (args.CurrentValue is { _running: true } guard && Environment.CurrentManagedThreadId != guard._loopThreadId)
        {
            if (!ReferenceEquals(t_baton, guard))
            {
                guard.Arrive();
            }
        }
        else if (args.PreviousValue is { } previous && ReferenceEquals(t_baton, previous))
        {
            previous.EndStep();
        }
    }

    // On a pool thread, before any code of the work it carries has run.
    private void Arrive()
    {
        long workId = ThreadPoolListener.TakeDequeuedWorkId();

        // A Task run by the pool (Task.Run, StartNew or ContinueWith on the default scheduler) resets the context
        // before it runs its continuations inline, so the end of its step cannot be seen: it is refused instead.
        bool isTask = Task.CurrentId is not null;
        ThreadPoolArrival? arrival;
        lock (_gate)
        {
            if (_expected.Remove(workId, out arrival) && !isTask)
            {
                arrival.ThreadId = Environment.CurrentManagedThreadId;
                Monitor.PulseAll(_gate);
            }
        }

        if (arrival is null || isTask)
        {
            // The run fails at its next step. The work is let go rather than held: code blocking the loop thread on
            // it (.Result, .Wait()) would otherwise hang the run instead of failing it.
            Report(isTask
                ? "Task.Run (or Task.Factory.StartNew / ContinueWith on the default TaskScheduler) sent a Task to the thread " +
                  "pool, where the simulation cannot follow it. Use Sim.Spawn, or pass sim.TaskScheduler to StartNew / ContinueWith"
                : Describe(new StackTrace(fNeedFileInfo: false), Environment.CurrentManagedThreadId));
            return;
        }

        Hold(arrival.Go);
        if (_running && IsStepThread)
        {
            t_baton = this;
            ThreadPoolListener.StepLoop = _simulation.Loop;
        }
    }

    private void EndStep()
    {
        t_baton = null;
        ThreadPoolListener.StepLoop = null;
        _stepDone.Set();
    }

    private static void Hold(ManualResetEventSlim signal)
    {
        try
        {
            signal.Wait();
        }
        catch (ObjectDisposedException)
        {
            // Nothing to hold on to any more: the run is over.
        }
    }

    // Names the escape from the frames that delivered it to this thread; the user's own frames are not there yet.
    private static string Describe(StackTrace stack, int threadId)
    {
        string frames = stack.ToString();
        string what =
            frames.Contains("TimerQueueTimer", StringComparison.Ordinal)
                ? "a real timer fired (System.Threading.Timer, or Task.Delay / CancelAfter / PeriodicTimer without the simulation's clock)"
            : frames.Contains("StartCallback", StringComparison.Ordinal) && !frames.Contains("ThreadPool", StringComparison.Ordinal)
                ? "a thread of its own was started"
                : "work that no step of the simulation sent (real I/O, a real timer, or a thread of its own) reached the thread pool";
        return $"{what}; it arrived on thread {threadId}";
    }
}
