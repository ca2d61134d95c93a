using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace SimLoop;

// What the process-wide pool capture needs to know about each thread that runs simulation loops: whether a loop runs
// on it now, when its last one ended, and whether that thread belongs to the pool. Each thread writes only its own
// record, so seeds running on every core start and end their runs without writing memory another core writes; the
// rare readers (the watchdog turning the listener off, a held pool hop raising the pool's minimum) add the records up.
// The hot fields sit 64 bytes from either edge, so two threads' records never share a cache line, wherever the GC
// moves them.
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class LoopThread
{
    private static readonly object s_gate = new();
    private static readonly List<LoopThread> s_all = new();
    private static long s_lastEndOfEndedThreads; // under s_gate: the census keeps the latest end of threads it drops

    [ThreadStatic]
    private static LoopThread? t_current;

    [FieldOffset(0)]
    private readonly Thread _thread;

    // A loop running on a pool thread holds one of the pool's threads (the pool's minimum counts it).
    [FieldOffset(8)]
    private readonly bool _onPoolThread;

    // Loops running on this thread (more than one only when a pool step starts a simulation of its own).
    [FieldOffset(64)]
    private int _running;

    [FieldOffset(72)]
    private long _lastEndTicks;

    private LoopThread(Thread thread)
    {
        _thread = thread;
        _onPoolThread = thread.IsThreadPoolThread;
    }

    /// <summary>Gets the calling thread's record, registering it on first use.</summary>
    public static LoopThread Current => t_current ?? Register();

    /// <summary>A loop starts on this thread.</summary>
    /// <remarks>A full fence: the caller reads the listener's state after this write is visible (see
    /// <see cref="ThreadPoolListener.Acquire"/>).</remarks>
    public void Enter() => Interlocked.Increment(ref _running);

    /// <summary>A loop ended on this thread at <paramref name="nowTicks"/> (wall time).</summary>
    public void Exit(long nowTicks)
    {
        Volatile.Write(ref _lastEndTicks, nowTicks);
        Interlocked.Decrement(ref _running);
    }

    /// <summary>Adds up every thread's record: loops running now, loops running on pool threads, and the latest end.</summary>
    public static (int Running, int OnPoolThreads, long LastEndTicks) Census()
    {
        lock (s_gate)
        {
            int running = 0;
            int onPool = 0;
            long lastEnd = 0;
            for (int i = s_all.Count - 1; i >= 0; i--)
            {
                LoopThread record = s_all[i];
                long end = Volatile.Read(ref record._lastEndTicks);
                lastEnd = Math.Max(lastEnd, end);
                if (!record._thread.IsAlive)
                {
                    s_lastEndOfEndedThreads = Math.Max(s_lastEndOfEndedThreads, end);
                    s_all.RemoveAt(i);
                    continue;
                }

                int loops = Volatile.Read(ref record._running);
                running += loops;
                onPool += record._onPoolThread ? loops : 0;
            }

            return (running, onPool, Math.Max(lastEnd, s_lastEndOfEndedThreads));
        }
    }

    private static LoopThread Register()
    {
        var record = new LoopThread(Thread.CurrentThread);
        lock (s_gate)
        {
            s_all.Add(record);
        }

        t_current = record;
        return record;
    }
}
