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
    private static readonly List<Slot> s_slots = new();

    // Watches whose thread the watchdog is about to interrupt or abort: the exception's first chance, on that thread,
    // records where the step was.
    private static readonly ConcurrentDictionary<int, StepWatch> s_armed = new();

    // Each thread that runs simulations gets one slot, registered once; a run only sets and clears its watch there,
    // so starting and ending a run takes no lock and wakes no thread.
    [ThreadStatic]
    private static Slot? t_slot;

    private static bool s_firstChanceHooked;
    private static Thread? s_watchdog;

    public static void Register(StepWatch watch) => (t_slot ?? NewSlot()).Watch = watch;

    public static void Unregister(StepWatch watch)
    {
        if (t_slot is { } slot)
        {
            slot.Watch = null;
        }

        if (watch.Armed)
        {
            s_armed.TryRemove(new KeyValuePair<int, StepWatch>(watch.ThreadId, watch));
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

        watch.Armed = true;
        s_armed[watch.ThreadId] = watch;
    }

    private static Slot NewSlot()
    {
        var slot = new Slot(Thread.CurrentThread);
        lock (s_gate)
        {
            s_slots.Add(slot);
            if (s_slots.Count == 1 && s_watchdog is null)
            {
                // UnsafeStart: the watchdog must not carry the ExecutionContext of the run that started it (its
                // marker would make the thread look like work that left the run, and the user's AsyncLocals would
                // live on in it).
                s_watchdog = new Thread(Watch) { IsBackground = true, Name = "SimLoop step watchdog" };
                s_watchdog.UnsafeStart();
            }
        }

        t_slot = slot;
        return slot;
    }

    private static void Watch()
    {
        while (true)
        {
            TimeSpan poll;
            lock (s_gate)
            {
                long now = WallTime.Now;
                s_slots.RemoveAll(static slot => slot.Watch is null && !slot.Thread.IsAlive);
                foreach (Slot slot in s_slots)
                {
                    if (slot.Watch is { IsLimited: true } watch)
                    {
                        watch.Check(now);
                    }
                }

                ThreadPoolListener.StopIfIdle(now);
                poll = Poll();
            }

#pragma warning disable RS0030 // The watchdog's own thread between two looks at the runs; no run waits on it.
            Thread.Sleep(poll);
#pragma warning restore RS0030
        }
    }

    // A quarter of the shortest limit among the runs in progress, so a step is caught within a quarter past its limit;
    // a second when none runs, to turn an idle listener off.
    private static TimeSpan Poll()
    {
        TimeSpan poll = LongestPoll;
        foreach (Slot slot in s_slots)
        {
            if (slot.Watch is { IsLimited: true } watch && watch.Limit / 4 < poll)
            {
                poll = watch.Limit / 4;
            }
        }

        return poll < ShortestPoll ? ShortestPoll : poll;
    }

    private sealed class Slot(Thread thread)
    {
        private volatile StepWatch? _watch;

        public Thread Thread { get; } = thread;

        public StepWatch? Watch
        {
            get => _watch;
            set => _watch = value;
        }
    }
}
