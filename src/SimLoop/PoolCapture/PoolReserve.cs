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

    // The process's own minimum, and the one set here, while it is raised (s_raised is 0 otherwise). The minimum is
    // put back only if it is still the one set here: a minimum the process set meanwhile is its own and stays.
    private static int s_ownMinimum;
    private static int s_raised;

    /// <summary>A pool thread starts waiting for its turn.</summary>
    public static void Hold()
    {
        lock (s_gate)
        {
            s_held++;
#pragma warning disable RS0030 // Reads and raises the pool's thread minimum only; queues nothing.
            ThreadPool.GetMinThreads(out int workers, out int io);
            if (s_raised != 0 && workers != s_raised)
            {
                s_raised = 0; // the process set its own minimum meanwhile: it is the one to keep
            }

            int wanted = s_held + LoopThread.Census().OnPoolThreads + Spare;
            if (wanted > workers && ThreadPool.SetMinThreads(wanted, io))
            {
                if (s_raised == 0)
                {
                    s_ownMinimum = workers;
                }

                s_raised = wanted;
            }
#pragma warning restore RS0030
        }
    }

    /// <summary>A held pool thread got its turn, or was let go.</summary>
    public static void Release()
    {
        lock (s_gate)
        {
            s_held--;
            if (s_held != 0 || s_raised == 0)
            {
                return;
            }

#pragma warning disable RS0030 // Puts back the minimum Hold raised, unless the process has set another since.
            ThreadPool.GetMinThreads(out int workers, out int io);
            if (workers == s_raised)
            {
                ThreadPool.SetMinThreads(s_ownMinimum, io);
            }
#pragma warning restore RS0030
            s_raised = 0;
        }
    }

    // Threads left free for work the run does not hold (and for other work in the process).
    private static int Spare => System.Environment.ProcessorCount;
}
