using System;

namespace SimLoop;

// Fifo's choice among candidates: the oldest ready item, or the first-created of the timers due together. Fifo itself
// always takes the head; these scans serve strategies that need to know where Fifo would have gone.
internal static class FifoOrder
{
    public static int Index(ReadyQueue ready)
    {
        int oldest = 0;
        for (int i = 1; i < ready.Count; i++)
        {
            if (ready[i].Sequence < ready[oldest].Sequence)
            {
                oldest = i;
            }
        }

        return oldest;
    }

    public static int Index(ReadOnlySpan<(TimerEntry Entry, int Version)> due)
    {
        int first = 0;
        for (int i = 1; i < due.Length; i++)
        {
            if (due[i].Entry.Sequence < due[first].Entry.Sequence)
            {
                first = i;
            }
        }

        return first;
    }
}
