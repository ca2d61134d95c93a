using System.Collections.Generic;

namespace SimLoop;

// Minimization works on departures from Fifo order: steps where the run chose something other than the oldest ready
// item (or the first-created of the timers due together). This wraps the run's strategy and writes down each such
// choice; only runs made for minimization are wrapped, so the scan for Fifo's candidate costs nothing elsewhere.
internal sealed class DepartureObserver(IScheduleStrategy inner, RunLoop loop) : IScheduleStrategy
{
    private const string TimerOf = "the timer of ";

    /// <summary>Gets the departures from Fifo order the run made, in step order.</summary>
    public List<ScheduleDeparture> Departures { get; } = new();

    public int NextReadyItem(ReadyQueue ready, long step)
    {
        int choice = inner.NextReadyItem(ready, step);
        int fifo = FifoOrder.Index(ready);
        if (fifo != choice)
        {
            Departures.Add(new ScheduleDeparture(step, SimTask.Describe(ready[choice].Owner), SimTask.Describe(ready[fifo].Owner)));
        }

        return choice;
    }

    public int NextTimer(int count, long step)
    {
        int choice = inner.NextTimer(count, step);
        System.ReadOnlySpan<(TimerEntry Entry, int Version)> due = loop.DueCandidates;
        int fifo = FifoOrder.Index(due);
        if (fifo != choice)
        {
            Departures.Add(new ScheduleDeparture(step, TimerOf + SimTask.Describe((SimTask?)due[choice].Entry.Owner),
                TimerOf + SimTask.Describe((SimTask?)due[fifo].Entry.Owner)));
        }

        return choice;
    }

    public void OnTaskCreated(SimTask task) => inner.OnTaskCreated(task);
}
