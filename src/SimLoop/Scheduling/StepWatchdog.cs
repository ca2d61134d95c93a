using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace SimLoop;

// One background thread for the process that watches every running simulation's current step: a step that holds the
// loop thread past SimulationOptions.MaxStepWallTime is interrupted (a synchronous wait) or aborted (a step that never
// yields), so Simulation.Run never hangs its caller. It samples step counters instead of timing each step, so the loop
// pays nothing for it; and when no simulation has run for a while it turns the thread-pool listener off.
internal static class StepWatchdog
{
    private static readonly TimeSpan ShortestPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    private static readonly object s_gate = new();
    private static readonly List<StepWatch> s_watches = new();

    // Watches whose thread the watchdog is about to interrupt or abort: the exception's first chance, on that thread,
    // records where the step was.
    private static readonly ConcurrentDictionary<int, StepWatch> s_armed = new();
    private static Thread? s_thread;
    private static bool s_firstChanceHooked;

    public static void Register(StepWatch watch)
    {
        lock (s_gate)
        {
            s_watches.Add(watch);
            EnsureStarted();
            Monitor.Pulse(s_gate);
        }
    }

    public static void Unregister(StepWatch watch)
    {
        lock (s_gate)
        {
            s_watches.Remove(watch);
        }

        s_armed.TryRemove(new KeyValuePair<int, StepWatch>(watch.ThreadId, watch));
    }

    /// <summary>Wakes the watchdog so that it re-reads its work (the listener went idle).</summary>
    public static void Nudge()
    {
        lock (s_gate)
        {
            EnsureStarted();
            Monitor.Pulse(s_gate);
        }
    }

    /// <summary>On the watchdog's thread, just before it interrupts or aborts the watch's thread.</summary>
    public static void Arm(StepWatch watch)
    {
        if (!s_firstChanceHooked)
        {
            s_firstChanceHooked = true;
            AppDomain.CurrentDomain.FirstChanceException += static (_, args) =>
            {
                if (args.Exception is ThreadInterruptedException or ThreadAbortException
                    && s_armed.TryGetValue(Environment.CurrentManagedThreadId, out StepWatch? armed))
                {
                    armed.CaptureSite(new StackTrace(1, fNeedFileInfo: true));
                }
            };
        }

        s_armed[watch.ThreadId] = watch;
    }

    // UnsafeStart: the watchdog must not carry the ExecutionContext of the run that started it (its marker would make
    // the thread look like work that left the run, and the user's AsyncLocals would live on in it).
    private static void EnsureStarted()
    {
        if (s_thread is null)
        {
            s_thread = new Thread(Watch) { IsBackground = true, Name = "SimLoop step watchdog" };
            s_thread.UnsafeStart();
        }
    }

    private static void Watch()
    {
        lock (s_gate)
        {
            while (true)
            {
                Monitor.Wait(s_gate, Poll());
                long now = WallTime.Now;
                foreach (StepWatch watch in s_watches)
                {
                    if (watch.IsLimited)
                    {
                        watch.Check(now);
                    }
                }

                ThreadPoolListener.StopIfIdle(now);
            }
        }
    }

    // A quarter of the shortest limit, so a step is caught within a quarter past its limit.
    private static TimeSpan Poll()
    {
        TimeSpan poll = LongestPoll;
        foreach (StepWatch watch in s_watches)
        {
            if (watch.IsLimited && watch.Limit / 4 < poll)
            {
                poll = watch.Limit / 4;
            }
        }

        if (poll < ShortestPoll)
        {
            poll = ShortestPoll;
        }

        return s_watches.Count == 0 && !ThreadPoolListener.IsReporting ? Timeout.InfiniteTimeSpan : poll;
    }
}
