namespace SimLoop;

// Counts a run's real choices of a ready item (steps where more than one could run), whatever makes them: a
// strategy, a replayed schedule or a minimizer's guide. Pct's horizon is measured in these choices, so a batch
// of seeds can estimate the program's length from the runs it has made (Simulation.Choices).
internal sealed class ChoiceCounter(IScheduleStrategy inner) : IScheduleStrategy
{
    public long Choices { get; private set; }

    public int NextReadyItem(ReadyQueue ready, long step)
    {
        Choices++;
        return inner.NextReadyItem(ready, step);
    }

    public int NextTimer(int count, long step) => inner.NextTimer(count, step);

    public void OnTaskCreated(SimTask task) => inner.OnTaskCreated(task);
}
