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

    private readonly ReadyQueue _ready = new();
    private readonly List<(TimerEntry Entry, int Version)> _dueBatch = new();
    private readonly IScheduleStrategy _strategy;
    private readonly LoopSynchronizationContext _loopContext;
    private readonly long _maxSteps;
    private readonly long _maxVirtualTicks;
    private long _sequence;
    private long _timerSequence;
    private int _dueHead;

    private readonly SendOrPostCallback _runOnThreadPool;

    public RunLoop(Simulation simulation, SimulationOptions options, ILogger logger)
    {
        Guard = new ThreadGuard(simulation);
        Watch = new StepWatch(this, options.MaxStepWallTime);
        _runOnThreadPool = state => Guard.RunOnPoolThread((ThreadPoolArrival)state!);
        Options = options;
        Logger = logger;
        if (options.Replay is { } schedule)
        {
            Replayer = new ScheduleReplayer(schedule, this);
        }

        Departures = options.ObserveDepartures ? new List<ScheduleDeparture>() : null;
        Guide = options.Guide is { } guide ? new GuidedStrategy(this, guide) : null;
        IScheduleStrategy strategy = Replayer ?? Guide ?? (IScheduleStrategy)(options.Strategy switch
        {
            ScheduleStrategy.Random => new RandomStrategy(options.Seed),
            ScheduleStrategy.Pct => new PctStrategy(options.Seed, options.PctDepth, options.PctSteps),
            ScheduleStrategy.Portfolio => Portfolio.Create(options.Seed, options),
            _ => new FifoStrategy(),
        });
        Recorder = options.RecordSchedule ? new ScheduleRecorder() : null;
        _strategy = Recorder?.Wrap(strategy) ?? strategy;
        _maxSteps = options.MaxSteps;
        _maxVirtualTicks = options.MaxVirtualTime.Ticks;
        Clock = new VirtualClock(this, options.StartTime);
        Trace = new SimulationTrace(options.TraceCapacity);
        Scheduler = new LoopTaskScheduler(this);
        Tasks = new TaskRegistry(this);
        _loopContext = new LoopSynchronizationContext(this, owner: null);
    }

    public SimulationOptions Options { get; }

    /// <summary>Gets the departures from Fifo order this run made, when asked to observe them (minimization only).</summary>
    public List<ScheduleDeparture>? Departures { get; }

    /// <summary>Gets the timers due together that have not fired yet, in the batch being fired.</summary>
    public ReadOnlySpan<(TimerEntry Entry, int Version)> DueCandidates =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_dueBatch)[_dueHead..];

    /// <summary>Gets the recorder of this run's choices, when <see cref="SimulationOptions.RecordSchedule"/> is set.</summary>
    public ScheduleRecorder? Recorder { get; }

    /// <summary>Gets the replayer that makes this run's choices, when <see cref="SimulationOptions.Replay"/> is set.</summary>
    public ScheduleReplayer? Replayer { get; }

    /// <summary>Gets the strategy that follows Fifo but for kept departures (minimization only).</summary>
    public GuidedStrategy? Guide { get; }

    public ILogger Logger { get; }

    public ThreadGuard Guard { get; }

    /// <summary>Gets what the step watchdog sees of this run: whether a step is in user code, and what held the thread.</summary>
    public StepWatch Watch { get; }

    public VirtualClock Clock { get; }

    public TimerQueue Timers { get; } = new();

    public SimulationTrace Trace { get; }

    public LoopTaskScheduler Scheduler { get; }

    public TaskRegistry Tasks { get; }

    public long Steps { get; private set; }

    public SimTask? CurrentTask { get; private set; }

    public bool IsInsideStep { get; private set; }

    public bool HasEnded { get; set; }

    /// <summary>Gets the exception that escaped a step (async void, a posted callback, a timer callback).</summary>
    public ExceptionDispatchInfo? StepFault { get; private set; }

    public SimTask? StepFaultTask { get; private set; }

    public long NextTimerSequence() => ++_timerSequence;

    /// <summary>The source of Sim.Random's draws: the seeded generator, or the replayed schedule; recorded if asked.</summary>
    public RandomSource CreateRandomSource()
    {
        RandomSource source = Replayer?.RandomSource ?? Guide?.RandomSource ?? new Prng(Options.Seed, SeededRandom.UserStream);
        return Recorder?.Wrap(source, this) ?? source;
    }

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
            else if (Timers.Count > 0)
            {
                if (Timers.NextDueTicks > _maxVirtualTicks)
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
                // Nothing is ready and no timer is pending. Every way work can come back to the loop is known the
                // moment a step starts it (work sent to the pool is on the ready queue; real timers and real I/O fail
                // the run at once), so no wall-clock grace is needed to tell a deadlock.
                return LoopOutcome.Deadlock;
            }
        }
    }

    private void RunStep()
    {
        int candidates = _ready.Count;
        int choice = candidates == 1 ? 0 : _strategy.NextReadyItem(_ready, Steps + 1);
        if (Departures is not null && candidates > 1)
        {
            ObserveReadyDeparture(choice);
        }

        WorkItem item = _ready.RemoveAt(choice);
        Steps++;
        Trace.Record(Steps, Clock.ElapsedTicks, item.Owner, item.Kind, choice, candidates);
        SynchronizationContext.SetSynchronizationContext(item.Owner?.Context ?? _loopContext);
        CurrentTask = item.Owner;
        IsInsideStep = true;
        try
        {
            Watch.EnterUserCode();
            if (item.Task is { } task)
            {
                Scheduler.Execute(task);
            }
            else
            {
                item.Callback!(item.State);
            }
        }
        catch (Exception exception)
        {
            RecordStepFault(item.Owner, exception);
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
        long due = Timers.NextDueTicks;
        Clock.AdvanceTo(due);
        Timers.TakeDue(due, _dueBatch);
        Invariant.Assert(_dueBatch.Count > 0, "advancing the clock finds at least one due timer");
        SynchronizationContext.SetSynchronizationContext(null);
        _dueHead = 0;
        try
        {
            while (_dueHead < _dueBatch.Count && StepFault is null)
            {
                int remaining = _dueBatch.Count - _dueHead;
                int choice = remaining == 1 ? 0 : _strategy.NextTimer(remaining, Steps + 1);
                if (Departures is not null && remaining > 1)
                {
                    ObserveTimerDeparture(choice);
                }

                (TimerEntry entry, int version) = _dueBatch[_dueHead + choice];
                _dueBatch[_dueHead + choice] = _dueBatch[_dueHead];
                _dueHead++;
                if (entry.Version != version)
                {
                    continue; // changed or disposed by a timer that fired before it in this batch
                }

                if (Steps >= _maxSteps)
                {
                    return false;
                }

                Steps++;
                Trace.Record(Steps, due, entry.Owner, entry.Kind, choice, remaining);
                FireOne(entry);
            }

            return true;
        }
        finally
        {
            _dueBatch.Clear();
        }
    }

    private void FireOne(TimerEntry entry)
    {
        Invariant.Assert(entry.DueTicks == Clock.ElapsedTicks, "a timer fires at exactly its due time");
        CurrentTask = entry.Owner;
        try
        {
            Watch.EnterUserCode();
            entry.Fire();
        }
        catch (Exception exception)
        {
            RecordStepFault(entry.Owner, exception);
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
