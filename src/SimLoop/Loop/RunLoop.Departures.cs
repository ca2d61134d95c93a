namespace SimLoop;

// Minimization works on departures from Fifo order: steps where the run chose something other than the oldest
// ready item (or the first-created of the timers due together). Only runs made for minimization observe them,
// so the scan for the Fifo candidate costs nothing elsewhere.
internal sealed partial class RunLoop
{
    /// <summary>The index Fifo would choose: the ready item posted first.</summary>
    public static int FifoIndex(ReadyQueue ready)
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

    /// <summary>The index Fifo would choose among timers due together: the one created first.</summary>
    public static int FifoIndex(System.ReadOnlySpan<(TimerEntry Entry, int Version)> due)
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

    public static string Describe(SimTask? task) => task is null ? "the simulation" : "'" + task.Name + "'";

    private void ObserveReadyDeparture(int choice)
    {
        int fifo = FifoIndex(_ready);
        if (fifo != choice)
        {
            Departures!.Add(new ScheduleDeparture(Steps + 1, Describe(_ready[choice].Owner), Describe(_ready[fifo].Owner)));
        }
    }

    private void ObserveTimerDeparture(int choice)
    {
        System.ReadOnlySpan<(TimerEntry Entry, int Version)> due = DueCandidates;
        int fifo = FifoIndex(due);
        if (fifo != choice)
        {
            Departures!.Add(new ScheduleDeparture(Steps + 1, "the timer of " + Describe(due[choice].Entry.Owner),
                "the timer of " + Describe(due[fifo].Entry.Owner)));
        }
    }
}
