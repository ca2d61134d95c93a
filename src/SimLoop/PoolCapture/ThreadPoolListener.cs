using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Threading;

namespace SimLoop;

// Sees, synchronously on the thread that does it, what .NET does outside the loop on a step's behalf. The runtime's
// FrameworkEventSource reports ThreadPoolEnqueueWork on the enqueuing thread and ThreadPoolDequeueWork on the pool
// thread that takes the item, before it runs it, both with the item's id; it reports a real timer being started
// (ThreadTransferSend) on the thread that starts it; the networking sources report a socket connect or accept and a
// DNS lookup on the thread that begins it. So a step that sends work away is known the moment it does, the pool
// thread that picks it up is stopped before it runs it, and a step that starts real time or real I/O is named at that
// very step, the same way on every run. One listener serves the process; it reports only while simulations run, and
// the step watchdog turns it off when none has run for a while, so the rest of the process pays nothing.
internal sealed class ThreadPoolListener : EventListener
{
    private const string FrameworkEventSourceName = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const int EnqueueEventId = 30;
    private const int DequeueEventId = 31;
    private const int ThreadTransferSendEventId = 150;
    private const int TimerTransferKind = 1;
    private const int ProbeAttempts = 50;

    // Keywords ThreadPool (0x2) and ThreadTransfer (0x10): the pool's enqueue/dequeue events and timer starts.
    private const EventKeywords FrameworkKeywords = (EventKeywords)0x12;

    private static readonly TimeSpan IdleBeforeStop = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(100);
    // s_gate orders starts and stops; s_sources is guarded by itself and never held while calling into an
    // EventSource, since the runtime calls OnEventSourceCreated under its own listener lock.
    private static readonly object s_gate = new();
    private static readonly List<EventSource> s_sources = new();
    private static ThreadPoolListener? s_instance;
    private static int s_reporting; // 1 while reporting; set and cleared with Interlocked (full fences)
    private static volatile bool s_starting; // while Acquire turns reporting on

    // The loop whose step is running on this thread (the loop thread, or a pool thread holding the baton).
    [ThreadStatic]
    private static IWatchedLoop? t_stepLoop;

    // Set while this thread probes whether its enqueues are reported yet.
    [ThreadStatic]
    private static bool t_probing;

    [ThreadStatic]
    private static bool t_probeSeen;

    public static IWatchedLoop? StepLoop
    {
        get => t_stepLoop;
        set => t_stepLoop = value;
    }

    /// <summary>Gets how many no-op work items a start queues, at most, before it gives up on the pool's reports.</summary>
    public static int ProbeTries => ProbeAttempts;

    /// <summary>Gets the longest a start waits for the pool to report an enqueue, in wall time.</summary>
    public static TimeSpan ProbeTime => ProbeWait * ProbeAttempts;

    /// <summary>Gets whether the listener is on (a simulation runs, or one ran moments ago).</summary>
    public static bool IsReporting => Volatile.Read(ref s_reporting) == 1;

    /// <summary>A simulation starts: turns reporting on if it was off.</summary>
    /// <returns>Whether enqueues are reported, so that work sent to the pool can be kept under the loop's control; if not,
    /// reporting is left off and the caller releases at once instead of running.</returns>
    /// <remarks>No lock and no shared write while reporting is on: the run is counted in its own thread's record
    /// (<see cref="LoopThread"/>), so runs on every core do not contend. The count is raised before the flag is read, and
    /// StopIfIdle clears the flag before it reads the counts (both with full fences), so either the stop sees this run
    /// and backs off, or this run sees the flag cleared and turns reporting back on under the lock before its first
    /// step.</remarks>
    public static bool Acquire()
    {
        LoopThread.Current.Enter();
        if (Volatile.Read(ref s_reporting) == 1)
        {
            return true;
        }

        lock (s_gate)
        {
            if (Volatile.Read(ref s_reporting) == 1)
            {
                return true;
            }

            if (!StartReporting())
            {
                // Left off, so that the next run probes again rather than trust a pool that did not report.
                foreach (EventSource source in Sources())
                {
                    s_instance!.DisableEvents(source);
                }

                return false;
            }

            Interlocked.Exchange(ref s_reporting, 1);
            foreach (EventSource source in Sources())
            {
                Enable(s_instance!, source); // again: a source created meanwhile saw reporting still off
            }

            return true;
        }
    }

    // Under s_gate: enables the sources and probes until the pool reports an enqueue. In a fresh process the pool's
    // event source is created by the probe's first work item, after the sources that exist now were enabled: it is
    // enabled as it is created (s_starting), or no enqueue would ever be reported and the run's first pool hops would
    // go unseen.
    private static bool StartReporting()
    {
        s_starting = true;
        ThreadGuard.ForgetForeignWork(); // queued while the listener was off: their dequeues cannot be matched
        try
        {
            s_instance ??= new ThreadPoolListener(); // the base constructor reports the sources that exist
            foreach (EventSource source in Sources())
            {
                Enable(s_instance, source);
            }

            return ProbeEnqueueReports();
        }
        finally
        {
            s_starting = false;
        }
    }

    /// <summary>A simulation has ended.</summary>
    public static void Release() => LoopThread.Current.Exit(WallTime.Now);

    /// <summary>On the watchdog's thread: turns reporting off once no simulation has run for a while.</summary>
    public static void StopIfIdle(long nowTicks)
    {
        lock (s_gate)
        {
            if (Volatile.Read(ref s_reporting) == 0)
            {
                return;
            }

            (int running, _, long lastEndTicks) = LoopThread.Census();
            if (running > 0 || nowTicks - lastEndTicks < WallTime.Ticks(IdleBeforeStop))
            {
                return;
            }

            Interlocked.Exchange(ref s_reporting, 0);
            if (LoopThread.Census().Running > 0)
            {
                Interlocked.Exchange(ref s_reporting, 1); // a run began meanwhile: leave reporting on
                return;
            }

            foreach (EventSource source in Sources())
            {
                s_instance!.DisableEvents(source);
            }

            ThreadGuard.ForgetForeignWork(); // their dequeues will not be reported
        }
    }

    // Called from the base constructor too, before this type's constructor has run: use no instance state.
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name is not (FrameworkEventSourceName or RealIo.SocketsSourceName or RealIo.NameResolutionSourceName))
        {
            return;
        }

        lock (s_sources)
        {
            s_sources.Add(eventSource);
        }

        if (Volatile.Read(ref s_reporting) == 1 || s_starting)
        {
            Enable(this, eventSource);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // Ids 30 and 31 are the pool's own: no other source this listener enables uses them, so the pool's events
        // (every hop of every run) are told apart without comparing source names.
        if (eventData.EventId == EnqueueEventId)
        {
            if (t_probing)
            {
                t_probeSeen = true;
            }
            else if (WorkId(eventData) is long id)
            {
                if (t_stepLoop is { } loop)
                {
                    loop.OnSentToThreadPool(id);
                }
                else
                {
                    ThreadGuard.OnForeignEnqueue(id);
                }
            }
        }
        else if (eventData.EventId == DequeueEventId)
        {
            if (WorkId(eventData) is long id)
            {
                ThreadGuard.OnDequeued(id);
            }
        }
        else if (t_stepLoop is { } loop)
        {
            OnStepEvent(loop, eventData);
        }
    }

    private static void OnStepEvent(IWatchedLoop loop, EventWrittenEventArgs eventData)
    {
        if (eventData.EventSource.Name == FrameworkEventSourceName)
        {
            if (eventData.EventId == ThreadTransferSendEventId && eventData.Payload is [_, int kind, _, _, int dueMilliseconds, ..]
                && kind == TimerTransferKind)
            {
                loop.OnRealTimerStarted(dueMilliseconds);
            }
        }
        else if (RealIo.Describe(eventData) is { } operation)
        {
            loop.OnRealIoStarted(operation);
        }
    }

    private static EventSource[] Sources()
    {
        lock (s_sources)
        {
            return s_sources.ToArray();
        }
    }

    private static void Enable(ThreadPoolListener listener, EventSource source)
    {
        if (source.Name == FrameworkEventSourceName)
        {
            listener.EnableEvents(source, EventLevel.Verbose, FrameworkKeywords);
        }
        else
        {
            listener.EnableEvents(source, EventLevel.Informational);
        }
    }

    // The pool re-reads whether to report enqueues only when one of its workers dispatches, so enabling the
    // events is not enough: probe with a no-op work item until an enqueue from this thread is seen.
    private static bool ProbeEnqueueReports()
    {
        for (int attempt = 0; attempt < ProbeAttempts; attempt++)
        {
            using var ran = new ManualResetEventSlim(initialState: false);
            t_probing = true;
            t_probeSeen = false;
#pragma warning disable RS0030 // The one place the library queues to the pool: a no-op that makes the pool refresh its logging flag.
            ThreadPool.UnsafeQueueUserWorkItem(static done => ((ManualResetEventSlim)done!).Set(), ran);
#pragma warning restore RS0030
            t_probing = false;
            if (t_probeSeen)
            {
                return true;
            }

            ran.Wait(ProbeWait);
        }

        return false;
    }

    private static long? WorkId(EventWrittenEventArgs eventData) =>
        eventData.Payload is [long id, ..] ? id : null;
}
