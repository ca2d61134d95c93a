using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SimLoop;

/// <summary>One simulated world: a virtual clock, a scheduler, its tasks and the trace of its run.</summary>
/// <remarks>
/// <para>A simulation runs once. <see cref="Run(Func{Task})"/> runs the program on the calling thread: every
/// continuation is a step chosen by the <see cref="SimulationOptions.Strategy"/>, and virtual time moves only when
/// nothing is ready to run. Equal options and the same program give the same run, step for step.</para>
/// <para>When main has finished, every task still pending is cancelled and the loop runs until they have finished,
/// so their <c>finally</c> blocks run (as <c>asyncio.run</c> does).</para>
/// </remarks>
public sealed partial class Simulation
{
    [ThreadStatic]
    private static Simulation? t_current;

    private readonly RunLoop _loop;
    private RunState _state;
    private Random? _random;

    /// <summary>Creates a simulation.</summary>
    /// <param name="options">Seed, strategy, start time and limits; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (the message names it).</exception>
    public Simulation(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        Options.Validate();
        ILogger logger = Options.LoggerFactory?.CreateLogger("SimLoop") ?? NullLogger.Instance;
        var settings = new LoopSettings(Options.StartTime, Options.MaxSteps, Options.MaxVirtualTime, Options.MaxStepWallTime,
            Options.TraceCapacity);
        _loop = new RunLoop(settings, logger, this, ChooseStrategy);
        LogCapture = Options.CaptureLogs ? new LogCapture(Math.Max(1, Options.TraceCapacity)) : null;
    }

    /// <summary>Gets the options this simulation was created with.</summary>
    public SimulationOptions Options { get; }

    /// <summary>Gets the virtual clock: pass it wherever .NET takes a <see cref="TimeProvider"/>.</summary>
    public VirtualClock Clock => _loop.Clock;

    /// <summary>Gets the virtual time since the start of the run.</summary>
    public TimeSpan Elapsed => _loop.Clock.Elapsed;

    /// <summary>Gets the virtual date and time: <see cref="SimulationOptions.StartTime"/> plus <see cref="Elapsed"/>.</summary>
    public DateTimeOffset Now => _loop.Clock.GetUtcNow();

    /// <summary>Gets how many steps (continuations run, timers fired) the run has taken so far.</summary>
    public long Steps => _loop.Steps;

    /// <summary>Gets the seed of this simulation's choices.</summary>
    public long Seed => Options.Seed;

    /// <summary>Gets the recorded steps and events of the run, and its fingerprint.</summary>
    public SimulationTrace Trace => _loop.Trace;

    /// <summary>Gets a <see cref="System.Threading.Tasks.TaskScheduler"/> that runs tasks as steps of this simulation.</summary>
    /// <remarks>For code that queues tasks explicitly: <c>Task.Factory.StartNew(work, token, options, sim.TaskScheduler)</c>
    /// or <c>ContinueWith(..., sim.TaskScheduler)</c>. Awaits need nothing: they resume on the loop by themselves.</remarks>
    public TaskScheduler TaskScheduler => _loop.Scheduler;

    internal RunLoop Loop => _loop;

    /// <summary>Gets the log lines kept for the timeline, when <see cref="SimulationOptions.CaptureLogs"/> is set.</summary>
    internal LogCapture? LogCapture { get; }

    /// <summary>Gets every choice this run made, when <see cref="SimulationOptions.RecordSchedule"/> is set.</summary>
    /// <remarks>Save it with <see cref="SimLoop.Schedule.Save"/> and replay it, without the seed, with
    /// <see cref="SimulationOptions.Replay"/>. <see langword="null"/> when the run was not recorded.</remarks>
    public Schedule? Schedule => _recorder?.ToSchedule(Options.Seed, Options.Strategy);

    internal Random Random => _random ??= new SeededRandom(CreateRandomSource());

    /// <summary>Runs <paramref name="main"/> as the task "main" on the calling thread until it has finished.</summary>
    /// <param name="main">The program.</param>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This simulation has already run, or another is running on this thread.</exception>
    /// <exception cref="SimulationException">A task faulted and nothing awaited it, or work escaped the loop.</exception>
    /// <exception cref="SimulationDeadlockException">Nothing can run, no timer is pending and main has not finished.</exception>
    /// <exception cref="SimulationLimitException"><see cref="SimulationOptions.MaxSteps"/> or
    /// <see cref="SimulationOptions.MaxVirtualTime"/> was passed.</exception>
    /// <remarks>Main's own exception is rethrown as it was thrown, with its original stack trace.</remarks>
    public void Run(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        BeginRun();
        var task = new VoidSimTask(_loop, main, "main");
        Execute(task);
    }

    /// <summary>Runs <paramref name="main"/> as the task "main" on the calling thread and returns its result.</summary>
    /// <typeparam name="T">The type of main's result.</typeparam>
    /// <param name="main">The program.</param>
    /// <returns>Main's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This simulation has already run, or another is running on this thread.</exception>
    /// <exception cref="SimulationException">A task faulted and nothing awaited it, or work escaped the loop.</exception>
    /// <exception cref="SimulationDeadlockException">Nothing can run, no timer is pending and main has not finished.</exception>
    /// <exception cref="SimulationLimitException">A limit of <see cref="SimulationOptions"/> was passed.</exception>
    /// <remarks>Main's own exception is rethrown as it was thrown, with its original stack trace.</remarks>
    public T Run<T>(Func<Task<T>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        BeginRun();
        var task = new SimTask<T>(_loop, main, "main");
        Execute(task);
        return task.ResultUnchecked;
    }

    /// <summary>Creates a logger whose entries carry this simulation's virtual time, step and current task.</summary>
    /// <param name="categoryName">The category, usually the name of the class that logs.</param>
    /// <returns>A logger writing through <see cref="SimulationOptions.LoggerFactory"/>, or a logger that discards
    /// everything when no factory was given and <see cref="SimulationOptions.CaptureLogs"/> is off.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categoryName"/> is <see langword="null"/>.</exception>
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        if (Options.LoggerFactory is null && LogCapture is null)
        {
            return NullLogger.Instance;
        }

        ILoggerFactory factory = Options.LoggerFactory ?? NullLoggerFactory.Instance;
        return new VirtualTimeLogger(factory.CreateLogger(categoryName), _loop, categoryName, LogCapture);
    }

    internal static Simulation CurrentOrThrow(string member) =>
        t_current ?? (Simulation?)ThreadGuard.BatonWorld ?? throw new InvalidOperationException(
            $"{member} is only available inside a running simulation: in code that Simulation.Run runs, on its thread. " +
            "If this code runs inside one, it has left the simulation's control (a real timer, real I/O, a thread of its own).");

    internal static RunLoop CurrentLoop(string member) => CurrentOrThrow(member)._loop;

    private void BeginRun()
    {
        if (_state != RunState.New)
        {
            throw new InvalidOperationException(
                "This simulation has already run. A Simulation runs once: create a new Simulation for each run.");
        }

        if (t_current is not null)
        {
            throw new InvalidOperationException(
                "Another simulation is running on this thread. Simulations cannot nest: run them one after the other, or on separate threads.");
        }
    }

    private void Execute(SimTask main)
    {
        AcquirePoolReports();
        SynchronizationContext? previous = SynchronizationContext.Current;
        t_current = this;
        _state = RunState.Running;
        ThreadPoolListener.StepLoop = _loop;
        _loop.Guard.Enter();
        StepWatch watch = _loop.Watch;
        if (watch.IsLimited)
        {
            watch.Begin();
            StepWatchdog.Register(watch);
        }

        Log.RunStarted(_loop.Logger, 0, TimeSpan.Zero, Options.Seed, Options.Strategy);
        var ending = new RunEnding(this, main);
        try
        {
            RunWatched(watch, ending, main);
        }
        finally
        {
            _loop.HasEnded = true;
            _state = RunState.Ended;
            t_current = null;
            SynchronizationContext.SetSynchronizationContext(previous);
            ThreadPoolListener.StepLoop = null;
            if (watch.HasFailed)
            {
                ending.WaitingWork = _loop.Guard.DescribeWaitingWork(); // read before Exit lets the held work go
            }

            _loop.Guard.Exit();
            if (watch.IsLimited)
            {
                StepWatchdog.Unregister(watch);
                ClearLateInterrupt(watch);
            }

            ThreadPoolListener.Release();
        }

        ending.ThrowIfFailed();
    }

    // Without the pool's enqueue reports, work a step sends to the thread pool would run unheld, outside the run's
    // order, and the run would end as an escape that names the wrong cause: refuse to start instead.
    private static void AcquirePoolReports()
    {
        if (ThreadPoolListener.Acquire())
        {
            return;
        }

        ThreadPoolListener.Release();
        throw new SimulationException(
            "The simulation did not start: SimLoop turned on the runtime's thread-pool events (FrameworkEventSource) " +
            $"and queued {ThreadPoolListener.ProbeTries} no-op work items to the pool over up to " +
            $"{TimeFormat.Duration(ThreadPoolListener.ProbeTime)} of wall time, and the runtime reported none, so work a step sends to the pool (Task.Run, a ConfigureAwait(false) " +
            "continuation) could not be kept in the run's order. Either EventSource is off in this process " +
            "(EventSourceSupport=false, as trimmed or NativeAOT apps may set it), or no pool thread ran work meanwhile " +
            "(a thread pool starved by blocked threads). Run the simulation again once pool threads are free, or with " +
            "EventSource support on");
    }

    // The loop, under ControlledExecution where the watchdog may need to abort a step that never yields: nothing else
    // can end such a step and return to the caller. An interrupt or abort the watchdog sent ends up here when the
    // step did not swallow it; the run's failure has been recorded by then.
    private void RunWatched(StepWatch watch, RunEnding ending, SimTask main)
    {
        try
        {
            if (watch.IsLimited)
            {
                ControlledExecutionSupport.Run(ending.RunLoop, watch.Abort.Token); // no closure beside the delegate
            }
            else
            {
                RunLoop(ending, main);
            }
        }
        catch (Exception exception) when (watch.HasFailed
            && exception is ThreadInterruptedException or OperationCanceledException)
        {
            ending.MainOutcome = LoopOutcome.Blocked;
        }
    }

    private void RunLoop(RunEnding ending, SimTask main)
    {
        _loop.Start(main);
        ending.MainOutcome = _loop.Run(main);
        if (ending.MainOutcome is LoopOutcome.Done or LoopOutcome.Deadlock)
        {
            ending.Drain();
        }
    }

    // The watchdog's interrupt may have reached this thread just after the step it was meant for had ended; it would
    // then wake the caller's next wait. Sleep(0) takes it here instead.
    private static void ClearLateInterrupt(StepWatch watch)
    {
        if (!watch.Interrupted)
        {
            return;
        }

        try
        {
#pragma warning disable RS0030 // Not a wait: takes a pending interrupt off this thread.
            Thread.Sleep(0);
#pragma warning restore RS0030
        }
        catch (ThreadInterruptedException)
        {
        }
    }

    private enum RunState
    {
        New,
        Running,
        Ended,
    }
}
