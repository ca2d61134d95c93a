using System;
using System.Diagnostics;
using System.Threading;

namespace SimLoop;

// Work that leaves the loop thread would race the loop and make runs unrepeatable, so it is caught, held and
// reported. An AsyncLocal set on the loop thread flows with the ExecutionContext into everything the run
// starts; its change handler fires on any other thread the moment such work arrives there, before any of the
// work's code runs. The guard holds that thread until the run has ended, so escaped work never runs beside a
// step, and the loop fails the run with a message naming what escaped.
internal sealed class ThreadGuard : IDisposable
{
    private static readonly AsyncLocal<ThreadGuard?> s_marker = new(OnMarkerChanged);

    private readonly ManualResetEventSlim _escaped = new(initialState: false);
    private readonly ManualResetEventSlim _released = new(initialState: false);
    private readonly object _gate = new();
    private int _loopThreadId;
    private volatile bool _running;
    private volatile string? _escape;

    public bool IsRunning => _running;

    public bool HasEscaped => _escape is not null;

    public string? Escape => _escape;

    public bool IsLoopThread => Environment.CurrentManagedThreadId == _loopThreadId;

    public void Enter()
    {
        _loopThreadId = Environment.CurrentManagedThreadId;
        _running = true;
        s_marker.Value = this;
    }

    public void Exit()
    {
        _running = false;
        s_marker.Value = null;
        _released.Set();
    }

    /// <summary>Records the first escape; later ones add nothing the message needs.</summary>
    public void Report(string what)
    {
        lock (_gate)
        {
            _escape ??= what;
        }

        _escaped.Set();
    }

    /// <summary>Throws unless called on the loop thread (or while no run is in progress).</summary>
    public void CheckCaller(string member)
    {
        if (_running && !IsLoopThread)
        {
            string what = $"{member} was called from thread {Environment.CurrentManagedThreadId}, not the simulation's thread";
            Report(what);
            throw new InvalidOperationException(
                $"{what}. A simulation runs on the one thread that called Run; work that left it (Task.Run, " +
                "ConfigureAwait(false), a real timer) cannot use it. Use Sim.Spawn and the simulation's clock instead.");
        }
    }

    /// <summary>At an idle point, gives work that was sent away a moment to arrive before declaring a deadlock.</summary>
    public bool WaitForEscape(TimeSpan grace) => _escaped.Wait(grace);

    public void Dispose()
    {
        _escaped.Dispose();
        _released.Dispose();
    }

    private static void OnMarkerChanged(AsyncLocalValueChangedArgs<ThreadGuard?> args)
    {
        if (!args.ThreadContextChanged || args.CurrentValue is not { _running: true } guard || guard.IsLoopThread)
        {
            return;
        }

        guard.Report(Describe(new StackTrace(fNeedFileInfo: false), Environment.CurrentManagedThreadId));
        try
        {
            guard._released.Wait();
        }
        catch (ObjectDisposedException)
        {
            // The run ended and its guard was disposed before this thread got here: nothing to hold.
        }
    }

    // Names the escape from the frames that delivered it to this thread; the user's own frames are not there yet.
    private static string Describe(StackTrace stack, int threadId)
    {
        string frames = stack.ToString();
        string what =
            frames.Contains("TimerQueueTimer", StringComparison.Ordinal)
                ? "a real timer fired (System.Threading.Timer, or Task.Delay / CancelAfter / PeriodicTimer without the simulation's clock)"
            : frames.Contains("AwaitTaskContinuation", StringComparison.Ordinal)
              || frames.Contains("AsyncStateMachineBox", StringComparison.Ordinal)
                ? "an await continuation that captured no SynchronizationContext (ConfigureAwait(false), or code that ran with none) was queued to the thread pool"
            : frames.Contains("System.Threading.Tasks.Task.Execute", StringComparison.Ordinal)
                ? "a Task was queued to the thread pool (Task.Run, Task.Factory.StartNew or ContinueWith without the simulation's TaskScheduler)"
            : frames.Contains("StartCallback", StringComparison.Ordinal)
                ? "a new Thread was started"
                : "work was queued to the thread pool";
        return $"{what}; it arrived on thread {threadId}";
    }
}
