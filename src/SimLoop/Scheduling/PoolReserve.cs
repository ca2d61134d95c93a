using System.Threading;

namespace SimLoop;

// Each item a step sent to the pool holds the pool thread that dequeued it until the strategy chooses it. When the
// strategy wants an item no thread has dequeued yet while every thread holds another, the pool would add threads
// only as slowly as its starvation detection allows (about two a second), so a run choosing freely among 50 such
// items would take many seconds of wall time. While threads are held, the pool's minimum is kept above their
// number (and above the pool threads busy running a simulation's loop, as under Parallel.For or an xUnit test), so it
// starts a thread at once for work nobody has taken; the minimum is put back when none is held.
internal static class PoolReserve
{
    private static readonly object s_gate = new();
    private static int s_held;
    private static int s_loopsOnPoolThreads;
    private static int s_originalMinimum; // 0 while the minimum is the process's own

    /// <summary>A pool thread starts waiting for its turn.</summary>
    public static void Hold()
    {
        lock (s_gate)
        {
            s_held++;
#pragma warning disable RS0030 // Reads and raises the pool's thread minimum only; queues nothing.
            ThreadPool.GetMinThreads(out int workers, out int io);
            int wanted = s_held + s_loopsOnPoolThreads + Spare;
            if (wanted > workers)
            {
                if (s_originalMinimum == 0)
                {
                    s_originalMinimum = workers;
                }

                ThreadPool.SetMinThreads(wanted, io);
            }
#pragma warning restore RS0030
        }
    }

    /// <summary>A simulation starts or stops running its loop on the calling thread.</summary>
    /// <param name="running">Whether it starts.</param>
    public static void LoopOnThisThread(bool running)
    {
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            Interlocked.Add(ref s_loopsOnPoolThreads, running ? 1 : -1);
        }
    }

    /// <summary>A held pool thread got its turn, or was let go.</summary>
    public static void Release()
    {
        lock (s_gate)
        {
            s_held--;
            if (s_held == 0 && s_originalMinimum != 0)
            {
#pragma warning disable RS0030 // Puts back the minimum Hold raised.
                ThreadPool.GetMinThreads(out _, out int io);
                ThreadPool.SetMinThreads(s_originalMinimum, io);
#pragma warning restore RS0030
                s_originalMinimum = 0;
            }
        }
    }

    // Threads left free for work the run does not hold (and for other work in the process).
    private static int Spare => System.Environment.ProcessorCount;
}
