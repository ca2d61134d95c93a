using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Work that leaves the loop thread would race the loop and make runs unrepeatable, so it is caught at the door.
//
// Work a step sends to the thread pool (seen by ThreadPoolListener) is held by the pool thread that dequeues it,
// before any of its code runs, until the loop hands it the baton; it then runs as one step while the loop waits.
// The step ends where the pool's dispatch loop resets the thread after the item: the thread carries an AsyncLocal
// marker and a plain SynchronizationContext while it holds the baton, and the dispatch loop clears the context
// before it clears the marker, which tells the end of the item from a switch to the default ExecutionContext inside
// it. A plain SynchronizationContext is what awaits treat as no context at all, so the work sees a pool thread.
//
// The same marker flows with the ExecutionContext into everything a run starts: work that arrives on another
// thread without having been sent by a step (a real timer, real I/O, a thread of its own) fails the run, naming it.
[SuppressMessage("Reliability", "CA1001", Justification = "Held pool threads may still wait on its events after the run; they are left to the GC.")]
internal sealed class ThreadGuard
{
    // Wall-clock bounds for failure paths only: work no pool thread picks up, a step on a pool thread that never
    // ends, and a loop thread that stopped taking steps while work waits for its turn (it blocks on that work).
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StalledLoopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HeldPoll = TimeSpan.FromSeconds(1);

    private static readonly AsyncLocal<ThreadGuard?> s_marker = new(OnMarkerChanged);
    private static readonly SynchronizationContext s_poolStepContext = new();

    // Work sent by a step of any running simulation, by the id the pool's events give it (the item's address,
    // unique among live items); the pool thread that dequeues one looks it up here.
    private static readonly ConcurrentDictionary<long, ThreadPoolArrival> s_sent = new();

    // Set on a pool thread while it holds the baton for this guard.
    [ThreadStatic]
    private static ThreadGuard? t_baton;

    private readonly ManualResetEventSlim _escaped = new(initialState: false);
    private readonly ManualResetEventSlim _stepDone = new(initialState: false);
    private readonly Dictionary<long, ThreadPoolArrival> _pending = new();
    private readonly object _gate = new();
    private readonly Simulation _simulation;
    private int _loopThreadId;
    private volatile int _stepThreadId;
    private volatile bool _running;
    private volatile bool _loopWaitsForPool;
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
        PoolReserve.LoopOnThisThread(running: true);
        s_marker.Value = this;
    }

    public void Exit()
    {
        _running = false;
        PoolReserve.LoopOnThisThread(running: false);
        s_marker.Value = null;
        lock (_gate)
        {
            foreach (ThreadPoolArrival arrival in _pending.Values)
            {
                s_sent.TryRemove(arrival.WorkId, out _);
                arrival.Go.Set();
            }

            _pending.Clear();
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

    /// <summary>Registers work a step has just queued to the pool, so the thread that dequeues it waits for its turn.</summary>
    /// <returns><see langword="false"/> when the item is already registered: the pool moved it between its queues
    /// (which logs a second enqueue), so it is not new work.</returns>
    public bool Expect(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            if (!_pending.TryAdd(arrival.WorkId, arrival))
            {
                return false;
            }
        }

        s_sent[arrival.WorkId] = arrival;
        return true;
    }

    /// <summary>On the pool thread that has just dequeued a work item: holds it if a step sent it, until its turn.</summary>
    public static void OnDequeued(long workId)
    {
        if (s_sent.TryGetValue(workId, out ThreadPoolArrival? arrival) && s_sent.TryRemove(workId, out arrival))
        {
            arrival.Guard.Admit(arrival);
        }
    }

    /// <summary>Runs the sent work as the current step: waits for its thread, hands it the baton, waits until it is done.</summary>
    public void RunOnPoolThread(ThreadPoolArrival arrival)
    {
        _loopWaitsForPool = true;
        try
        {
            if (WaitForArrival(arrival))
            {
                RunStepOn(arrival);
            }
        }
        finally
        {
            _loopWaitsForPool = false;
        }
    }

    private bool WaitForArrival(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            while (!arrival.HasArrived && _escape is null)
            {
                if (!Monitor.Wait(_gate, ArrivalTimeout))
                {
                    _pending.Remove(arrival.WorkId);
                    s_sent.TryRemove(arrival.WorkId, out _);
                    Report($"work sent to the thread pool at step {arrival.SentAtStep} was not picked up by a pool thread " +
                           $"within {ArrivalTimeout.TotalSeconds} s of wall time (the pool is starved of threads, or a step " +
                           "ran the work inline, as Task.Wait does with a Task still in its queue)");
                    return false;
                }
            }

            return arrival.HasArrived && _pending.Remove(arrival.WorkId); // not arrived: an escape ends the run first
        }
    }

    private void RunStepOn(ThreadPoolArrival arrival)
    {
        _stepDone.Reset();
        _stepThreadId = arrival.ThreadId;
        arrival.Go.Set();
        bool finished = _stepDone.Wait(StepTimeout);
        _stepThreadId = _loopThreadId;
        if (!finished)
        {
            Report($"the step running on thread pool thread {arrival.ThreadId} (work sent to the pool at step " +
                   $"{arrival.SentAtStep}) did not finish within {StepTimeout.TotalSeconds} s of wall time: it blocks, " +
                   "probably on work only the loop can run (.Wait(), .Result or GetAwaiter().GetResult() inside Task.Run " +
                   "or after ConfigureAwait(false)), which cannot run while the step waits. Await it instead");
        }
    }

    // On the pool thread, inside the pool's dispatch loop, before any code of the work item has run.
    private void Admit(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            if (!_running || !_pending.ContainsKey(arrival.WorkId))
            {
                return; // the run is over, or gave up on this item: it runs unheld
            }

            arrival.ThreadId = Environment.CurrentManagedThreadId;
            Monitor.PulseAll(_gate);
        }

        bool turn;
        PoolReserve.Hold();
        try
        {
            turn = WaitForTurn(arrival);
        }
        finally
        {
            PoolReserve.Release();
        }

        if (!turn || !_running || !IsStepThread)
        {
            return;
        }

        t_baton = this;
        ThreadPoolListener.StepLoop = _simulation.Loop;
        SynchronizationContext.SetSynchronizationContext(s_poolStepContext);
        s_marker.Value = this;
    }

    // Waits for the baton. A loop thread that takes no step meanwhile is blocked in a step, most likely on this very
    // work (.Result, .Wait()): the run fails and the work is let go, so the blocked step can finish instead of hanging.
    private bool WaitForTurn(ThreadPoolArrival arrival)
    {
        long steps = _simulation.Loop.Steps;
        TimeSpan stalled = TimeSpan.Zero;
        while (!arrival.Go.Wait(HeldPoll))
        {
            long now = _simulation.Loop.Steps;
            if (now != steps || _loopWaitsForPool)
            {
                steps = now;
                stalled = TimeSpan.Zero;
                continue;
            }

            stalled += HeldPoll;
            if (stalled >= StalledLoopTimeout)
            {
                lock (_gate)
                {
                    if (!_pending.Remove(arrival.WorkId))
                    {
                        continue; // the loop took it just now
                    }
                }

                Report($"the simulation's thread took no step for {StalledLoopTimeout.TotalSeconds} s of wall time while " +
                       $"work sent to the thread pool at step {arrival.SentAtStep} waited for its turn: step {steps} blocks, " +
                       "probably on that work (.Result, .Wait(), GetAwaiter().GetResult()). Await it instead");
                return false;
            }
        }

        return true;
    }

    private void EndStep()
    {
        t_baton = null;
        ThreadPoolListener.StepLoop = null;
        _stepDone.Set();
    }

    private static void OnMarkerChanged(AsyncLocalValueChangedArgs<ThreadGuard?> args)
    {
        if (!args.ThreadContextChanged)
        {
            return;
        }

        if (t_baton is { } baton)
        {
            if (ReferenceEquals(args.PreviousValue, baton) && args.CurrentValue is null)
            {
                // The dispatch loop clears the SynchronizationContext, then the ExecutionContext. A Task's own
                // reset leaves Task.CurrentId set, since its continuations still run inline after it.
                if (SynchronizationContext.Current is null && Task.CurrentId is null)
                {
                    baton.EndStep();
                }
                else
                {
                    s_marker.Value = baton; // still inside the item: keep the marker, so its end is seen
                }
            }

            return;
        }

        if (args.CurrentValue is { _running: true } guard && Environment.CurrentManagedThreadId != guard._loopThreadId)
        {
            guard.Report(Describe(new StackTrace(fNeedFileInfo: false), Environment.CurrentManagedThreadId));
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
