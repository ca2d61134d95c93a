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
internal sealed partial class ThreadGuard
{
    private static readonly AsyncLocal<ThreadGuard?> s_marker = new(OnMarkerChanged);
    private static readonly SynchronizationContext s_poolStepContext = new();

    // Set on a pool thread while it holds the baton for this guard.
    [ThreadStatic]
    private static ThreadGuard? t_baton;

    // Made at a run's first pool hop: most runs make none.
    private ManualResetEventSlim? _stepDone;
    // By the arrival itself, not its id: two items of one run may share an id once the first has been taken. Guarded
    // by _gate; made at the run's first pool hop.
    private HashSet<ThreadPoolArrival>? _pending;
    private readonly object _gate = new();
    private readonly IWatchedLoop _loop;
    private readonly object _world;
    private int _loopThreadId;
    private volatile int _stepThreadId;
    private volatile bool _running;
    private volatile string? _escape;
    private volatile bool _byChance;

    /// <param name="loop">The loop whose steps this guard keeps on one thread at a time.</param>
    /// <param name="world">What <see cref="BatonWorld"/> answers on a pool thread running one of its steps (the simulation).</param>
    public ThreadGuard(IWatchedLoop loop, object world)
    {
        _loop = loop;
        _world = world;
    }

    public bool IsRunning => _running;

    public bool HasEscaped => _escape is not null;

    public string? Escape => _escape;

    /// <summary>Gets whether the escape reported is a chance collision of the pool's work ids, not the program's doing:
    /// the same seed runs clean again.</summary>
    public bool EscapedByChance => _byChance;

    /// <summary>Gets whether the calling thread runs the current step: the loop thread, or a pool thread holding the baton.</summary>
    public bool IsStepThread => Environment.CurrentManagedThreadId == _stepThreadId;

    /// <summary>Gets the world (the simulation) whose step a pool thread is running, for <c>Sim.Current</c> there.</summary>
    public static object? BatonWorld => t_baton is { } guard && guard.IsStepThread ? guard._world : null;

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
            ForgetAdmitted();
            if (_pending is null)
            {
                return;
            }

            foreach (ThreadPoolArrival arrival in _pending)
            {
                s_sent.TryRemove(new KeyValuePair<long, ThreadPoolArrival>(arrival.WorkId, arrival));
                arrival.Go.Set();
            }

            _pending.Clear();
        }
    }

    /// <summary>Records the first escape; later ones add nothing the message needs.</summary>
    /// <param name="what">What escaped, for the run's failure message.</param>
    /// <param name="byChance">Whether it is a chance collision of the pool's work ids rather than the program's doing.</param>
    public void Report(string what, bool byChance = false)
    {
        lock (_gate)
        {
            if (_escape is null)
            {
                _byChance = byChance;
                _escape = what;
            }

            Monitor.PulseAll(_gate);
        }
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

    /// <summary>Runs the sent work as the current step: waits for its thread, hands it the baton, waits until it is done.</summary>
    public void RunOnPoolThread(ThreadPoolArrival arrival)
    {
        _loop.LeaveUserCode(); // the loop thread only waits here; the pool step has its own deadline
        if (WaitForArrival(arrival))
        {
            RunStepOn(arrival);
        }
    }

    private bool WaitForArrival(ThreadPoolArrival arrival)
    {
        TimeSpan limit = _loop.StepWallLimit;
        lock (_gate)
        {
            while (!arrival.HasArrived && _escape is null)
            {
                if (!Monitor.Wait(_gate, limit))
                {
                    _pending?.Remove(arrival);
                    s_sent.TryRemove(new KeyValuePair<long, ThreadPoolArrival>(arrival.WorkId, arrival));
                    Report($"work sent to the thread pool at step {arrival.SentAtStep} was not picked up by a pool thread " +
                           $"within {TimeFormat.Duration(limit)} of wall time (SimulationOptions.MaxStepWallTime): the " +
                           "pool is starved of threads, or a step ran the work inline");
                    return false;
                }
            }

            return arrival.HasArrived && _pending is not null && _pending.Remove(arrival); // not arrived: an escape ends the run first
        }
    }

    private void RunStepOn(ThreadPoolArrival arrival)
    {
        TimeSpan limit = _loop.StepWallLimit;
        ManualResetEventSlim stepDone = _stepDone ??= new ManualResetEventSlim(initialState: false);
        stepDone.Reset();
        _stepThreadId = arrival.ThreadId;
        arrival.Go.Set(); // a full fence: the pool thread that ends the step sees _stepDone
        bool finished = stepDone.Wait(limit);
        _stepThreadId = _loopThreadId;
        if (!finished)
        {
            _loop.FailStep($"the step running on thread pool thread {arrival.ThreadId} (work sent to the pool at step " +
                   $"{arrival.SentAtStep}) did not finish within {TimeFormat.Duration(limit)} of wall time " +
                   "(SimulationOptions.MaxStepWallTime): it blocks, probably on work only the loop can run (.Wait(), " +
                   ".Result or GetAwaiter().GetResult() inside Task.Run or after ConfigureAwait(false)), which cannot run " +
                   "while the step waits. Await it instead");
        }
    }

    /// <summary>Describes the work sent to the pool that waits for its turn, for a report on a blocked loop thread.</summary>
    public string? DescribeWaitingWork()
    {
        lock (_gate)
        {
            if (_pending is null)
            {
                return null;
            }

            long first = long.MaxValue;
            foreach (ThreadPoolArrival arrival in _pending)
            {
                first = Math.Min(first, arrival.SentAtStep);
            }

            return _pending.Count == 0 ? null
                : $"work sent to the thread pool at step {first} (Task.Run, or a ConfigureAwait(false) continuation) waits " +
                  "for its turn, which it cannot get while this step waits: if the step waits for that work, await it";
        }
    }

    // On the pool thread, inside the pool's dispatch loop, before any code of the work item has run.
    private void Admit(ThreadPoolArrival arrival)
    {
        lock (_gate)
        {
            if (!_running || _pending is null || !_pending.Contains(arrival))
            {
                return; // the run is over, or gave up on this item: it runs unheld
            }

            arrival.ThreadId = Environment.CurrentManagedThreadId;
            RecordAdmitted(arrival.WorkId);
            Monitor.PulseAll(_gate);
        }

        PoolReserve.Hold();
        try
        {
            arrival.Go.Wait(); // the loop's turn for it, or the end of the run (Exit lets every held item go)
        }
        finally
        {
            PoolReserve.Release();
        }

        if (!_running || !IsStepThread)
        {
            return;
        }

        t_baton = this;
        ThreadPoolListener.StepLoop = _loop;
        SynchronizationContext.SetSynchronizationContext(s_poolStepContext);
        s_marker.Value = this;
    }

    private void EndStep()
    {
        t_baton = null;
        ThreadPoolListener.StepLoop = null;
        _stepDone!.Set();
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
            : !Thread.CurrentThread.IsThreadPoolThread
                ? "a thread of its own was started"
                : "work that no step of the simulation sent (real I/O, a real timer, or a thread of its own) reached the thread pool";
        return $"{what}; it arrived on thread {threadId}";
    }
}
