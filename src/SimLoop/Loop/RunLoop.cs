using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// THE loop. This is the only place a continuation is invoked; everything else enqueues. It runs ready work
// while there is any, the strategy choosing which; only when nothing is ready does the clock jump to the
// earliest due timer, whose firing makes work ready again.
internal sealed partial class RunLoop
{
    private static readonly SendOrPostCallback s_runTask = static state => { };
    private static readonly SendOrPostCallback s_start = static state => ((SimTask)state!).Start();
    private static readonly SendOrPostCallback s_runOnThreadPool = static state =>
        ((ThreadPoolArrival)state!).Guard.RunOnPoolThread((ThreadPoolArrival)state);

    private readonly ReadyQueue _ready = new();
    private readonly IScheduleStrategy _strategy;
    private readonly long _maxSteps;
    private readonly long _maxVirtualTicks;

    // Made when first needed: a short run often needs none of these three.
    private List<(TimerEntry Entry, int Version)>? _dueBatch;
    private LoopSynchronizationContext? _loopContext;
    private LoopTaskScheduler? _scheduler;
    private long _sequence;
    private int _dueHead;

    /// <param name="settings">The limits and start time of the run.</param>
    /// <param name="logger">Where the run's own events are logged.</param>
    /// <param name="world">The simulation, as <c>Sim.Current</c> answers on a pool thread running one of its steps.</param>
    /// <param name="chooseStrategy">Makes the strategy that makes every choice of the run, given this loop (a replayed
    /// schedule or a guide reads the loop's step and due timers); called last, once everything else is in place.</param>
    public RunLoop(LoopSettings settings, ILogger logger, object world, Func<RunLoop, IScheduleStrategy> chooseStrategy)
    {
        Guard = new ThreadGuard(this, world);
        Watch = new StepWatch(this, settings.MaxStepWallTime);
        Logger = logger;
        _maxSteps = settings.MaxSteps;
        _maxVirtualTicks = settings.MaxVirtualTime.Ticks;
        Clock = new VirtualClock(settings.StartTime, this);
        Trace = new SimulationTrace(settings.TraceCapacity);
        Tasks = new TaskRegistry(this);
        _strategy = chooseStrategy(this);
    }

    /// <summary>Gets the timers due together that have not fired yet, in the batch being fired.</summary>
    public ReadOnlySpan<(TimerEntry Entry, int Version)> DueCandidates =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_dueBatch)[_dueHead..]; // empty before any timer fired

    public ILogger Logger { get; }

    public ThreadGuard Guard { get; }

    /// <summary>Gets what the step watchdog sees of this run: whether a step is in user code, and what held the thread.</summary>
    public StepWatch Watch { get; }

    public VirtualClock Clock { get; }

    public SimulationTrace Trace { get; }

    public LoopTaskScheduler Scheduler => _scheduler ?? Interlocked.CompareExchange(ref _scheduler, new LoopTaskScheduler(this), null) ?? _scheduler;

    public TaskRegistry Tasks { get; }

    public long Steps { get; private set; }

    // The steps where more than one ready item could run: the program's length as Pct counts it.
    public long Choices { get; private set; }

    public SimTask? CurrentTask { get; private set; }

    public bool IsInsideStep { get; private set; }

    public bool HasEnded { get; set; }

    /// <summary>Gets the exception that escaped a step (async void, a posted callback, a timer callback).</summary>
    public ExceptionDispatchInfo? StepFault { get; private set; }

    public SimTask? StepFaultTask { get; private set; }

    /// <summary>Registers a new task and posts its first step.</summary>
    public T Start<T>(T task)
        where T : SimTask
    {
        Tasks.Add(task);
        _strategy.OnTaskCreated(task);
        Post(s_start, task, task, TraceEventKind.TaskStarted);
        return task;
    }

    public void RecordEvent(SimTask? task, TraceEventKind kind, string? detail) =>
        Trace.Record(Steps, Clock.ElapsedTicks, task, kind, choice: 0, candidates: 0, detail);

    /// <summary>Runs steps until <paramref name="main"/> is done, or, without one, until no task is pending.</summary>
    public LoopOutcome Run(SimTask? main)
    {
        while (true)
        {
            if (Guard.HasEscaped)
            {
                return LoopOutcome.Escaped;
            }

            if (Watch.HasFailed)
            {
                return LoopOutcome.Blocked;
            }

            if (StepFault is not null)
            {
                return LoopOutcome.Faulted;
            }

            if (main is null ? Tasks.PendingCount == 0 : main.IsCompleted)
            {
                return LoopOutcome.Done;
            }

            if (_ready.Count > 0)
            {
                if (Steps >= _maxSteps)
                {
                    return LoopOutcome.StepLimit;
                }

                RunStep();
            }
            else if (Clock.Timers.Count > 0)
            {
                if (Clock.Timers.NextDueTicks > _maxVirtualTicks)
                {
                    return LoopOutcome.TimeLimit;
                }

                if (!FireDueTimers())
                {
                    return LoopOutcome.StepLimit;
                }
            }
            else
            {
                // Nothing is ready and no timer is pending. Work sent to the pool is on the ready queue and real timers
                // and real I/O fail the run at once, but a thread the program started itself is seen only when it
                // first runs: a failing run gives one a few moments to arrive, so that it is named, not taken for a
                // deadlock. A run that does not fail never gets here.
                return Guard.AwaitLateEscape() ? LoopOutcome.Escaped : LoopOutcome.Deadlock;
            }
        }
    }

    private void RunStep()
    {
        int candidates = _ready.Count;
        int choice = 0;
        if (candidates > 1)
        {
            Choices++;
            choice = _strategy.NextReadyItem(_ready, Steps + 1);
        }

        // The item's fields are read where it lies: copying the 40-byte struct out and reading it back costs more.
        ref readonly WorkItem chosen = ref _ready[choice];
        SendOrPostCallback callback = chosen.Callback;
        object? state = chosen.State;
        SimTask? owner = chosen.Owner;
        TraceEventKind kind = chosen.Kind;
        _ready.Remove(choice);
        long step = ++Steps;
        Trace.RecordStep(step, Clock.ElapsedTicks, owner, kind, choice, candidates);
        SynchronizationContext.SetSynchronizationContext(owner?.Context ?? (_loopContext ??= new(this, owner: null)));
        CurrentTask = owner;
        IsInsideStep = true;
        try
        {
            Watch.EnterUserCode();
            if (kind == TraceEventKind.QueuedTask)
            {
                Scheduler.Execute((Task)state!);
            }
            else
            {
                callback(state);
            }
        }
        catch (Exception exception)
        {
            RecordStepFault(owner, exception);
        }
        finally
        {
            Watch.LeaveUserCode();
            IsInsideStep = false;
            CurrentTask = null;
        }
    }

    // Fires every timer due at the next due time, in creation order or in the strategy's order. Returns false
    // when MaxSteps ran out. Callbacks run with no SynchronizationContext and the default TaskScheduler, so a
    // ConfigureAwait(false) continuation released by a timer runs inline here instead of on the thread pool.
    private bool FireDueTimers()
    {
        long due = Clock.Timers.NextDueTicks;
        Clock.AdvanceTo(due);
        List<(TimerEntry Entry, int Version)> batch = _dueBatch ??= new();
        Clock.Timers.TakeDue(due, batch);
        Invariant.Assert(batch.Count > 0, "advancing the clock finds at least one due timer");
        SynchronizationContext.SetSynchronizationContext(null);
        _dueHead = 0;
        try
        {
            while (_dueHead < batch.Count && StepFault is null)
            {
                int remaining = batch.Count - _dueHead;
                int choice = remaining == 1 ? 0 : _strategy.NextTimer(remaining, Steps + 1);

                (TimerEntry entry, int version) = batch[_dueHead + choice];
                batch[_dueHead + choice] = batch[_dueHead];
                _dueHead++;
                if (entry.Version != version)
                {
                    continue; // changed or disposed by a timer that fired before it in this batch
                }

                if (Steps >= _maxSteps)
                {
                    return false;
                }

                var owner = (SimTask?)entry.Owner; // the loop tags every timer with the task that created it
                Trace.RecordStep(++Steps, due, owner, entry.Kind, choice, remaining);
                FireOne(entry, owner);
            }

            return true;
        }
        finally
        {
            batch.Clear();
        }
    }

    private void FireOne(TimerEntry entry, SimTask? owner)
    {
        Invariant.Assert(entry.DueTicks == Clock.ElapsedTicks, "a timer fires at exactly its due time");
        CurrentTask = owner;
        try
        {
            Watch.EnterUserCode();
            entry.Fire();
        }
        catch (Exception exception)
        {
            RecordStepFault(owner, exception);
        }
        finally
        {
            Watch.LeaveUserCode();
            CurrentTask = null;
        }
    }

    private void RecordStepFault(SimTask? owner, Exception exception)
    {
        if (StepFault is null)
        {
            StepFault = ExceptionDispatchInfo.Capture(exception);
            StepFaultTask = owner;
        }
    }
}
