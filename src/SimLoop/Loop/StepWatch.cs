using System;
using System.Diagnostics;
using System.Threading;

namespace SimLoop;

// One run's side of the step watchdog: whether the loop thread is inside user code, and what the watchdog found when
// a step held it past SimulationOptions.MaxStepWallTime. The loop pays two plain field writes per step; everything
// else happens on the watchdog's thread, and only after the limit has passed.
internal sealed class StepWatch
{
    private const int OurCode = 0;
    private const int UserCode = 1;

    // Reused by the runs of one thread while no watchdog has cancelled it: a run then costs no allocation for it.
    [ThreadStatic]
    private static CancellationTokenSource? t_abort;

    private readonly RunLoop _loop;
    private Thread _thread = null!;
    private volatile int _state;
    private volatile string? _failure;
    private volatile string? _site;

    // Read and written by the watchdog's thread only.
    private long _lastStep = -1;
    private long _stuckSinceTicks;
    private int _actions;

    /// <summary>Gets or sets whether a debugger is attached (a seam for tests; the debugger's own flag otherwise).</summary>
    internal static Func<bool> DebuggerAttached { get; set; } = static () => Debugger.IsAttached;

    public StepWatch(RunLoop loop, TimeSpan limit)
    {
        _loop = loop;
        LimitTicks = limit == Timeout.InfiniteTimeSpan ? long.MaxValue : WallTime.Ticks(limit);
        Limit = limit;
    }

    public TimeSpan Limit { get; }

    public long LimitTicks { get; }

    public bool IsLimited => LimitTicks != long.MaxValue;

    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Gets the token that aborts a step which never yields; cancelled by the watchdog only.</summary>
    public CancellationTokenSource Abort { get; private set; } = null!;

    /// <summary>Gets or sets whether the watchdog armed the first-chance capture for this watch's thread.</summary>
    public bool Armed { get; set; }

    /// <summary>Binds the watch to the thread that runs the loop, when the run begins.</summary>
    public void Begin()
    {
        _thread = Thread.CurrentThread;
        if (t_abort is null || t_abort.IsCancellationRequested)
        {
            t_abort = new CancellationTokenSource();
        }

        Abort = t_abort;
    }

    /// <summary>Gets what held the thread, once the watchdog has acted (or a pool step overran); null until then.</summary>
    public string? Failure => _failure;

    public bool HasFailed => _failure is not null;

    /// <summary>Gets where the step was when it was interrupted, when the interrupt reached it.</summary>
    public string? Site => _site;

    /// <summary>Gets whether the watchdog interrupted this run's thread (so a late interrupt may still be pending).</summary>
    public bool Interrupted { get; private set; }

    public void EnterUserCode() => _state = UserCode;

    public void LeaveUserCode() => _state = OurCode;

    /// <summary>Records a failure found by the loop itself (a step on a pool thread that overran the limit).</summary>
    public void Fail(string failure) => _failure ??= failure;

    public void CaptureSite(StackTrace stack) => _site ??= BlockingSite.Describe(stack);

    /// <summary>On the watchdog's thread: acts on a step that has held the loop thread past the limit.</summary>
    public void Check(long nowTicks)
    {
        long step = _loop.Steps;
        if (_state != UserCode || step != _lastStep || DebuggerAttached())
        {
            _lastStep = step;
            _stuckSinceTicks = nowTicks;
            _actions = 0;
            return;
        }

        if (nowTicks - _stuckSinceTicks < LimitTicks || _actions >= 2)
        {
            return;
        }

        _stuckSinceTicks = nowTicks;
        _actions++;
        bool waiting = (_thread.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0;
        _failure ??= Describe(step, waiting);
        StepWatchdog.Arm(this);
        if (waiting || _actions > 1)
        {
            Interrupted = true;
            _thread.Interrupt();
        }

        if (!waiting || _actions > 1)
        {
            Abort.Cancel(); // a step that never yields ends only by an abort (ControlledExecution)
        }
    }

    private string Describe(long step, bool waiting)
    {
        string task = _loop.CurrentTask is { } owner ? $"task '{owner.Name}'" : "the simulation (a timer callback or sim.At action)";
        string limit = TimeFormat.Duration(Limit);
        return waiting
            ? $"step {step} of {task} blocked the simulation's thread in a synchronous wait for {limit} of wall time " +
              "(SimulationOptions.MaxStepWallTime). Only a later step can complete what it waits for, and no step can run " +
              "while it waits, so the wait was interrupted and the run stopped. Await instead of blocking: await the task " +
              "rather than .Result, .Wait() or GetAwaiter().GetResult(); WaitAsync rather than Wait on a SemaphoreSlim; an " +
              "async lock's LockAsync rather than Lock; Sim.Delay rather than Thread.Sleep"
            : $"step {step} of {task} ran for {limit} of wall time (SimulationOptions.MaxStepWallTime) without yielding: no " +
              "other task and no timer can move while it runs, so the step was aborted and the run stopped. A loop that waits " +
              "for another task must await inside it (await Sim.Yield() or Sim.Delay); if the step really needs that long, " +
              "raise MaxStepWallTime";
    }
}
