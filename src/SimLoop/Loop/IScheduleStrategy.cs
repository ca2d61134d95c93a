namespace SimLoop;

// The only place a run makes a choice. Shaped like Coyote's choice points: which ready item runs next, which of
// the timers due at one instant fires next, and a bounded integer. Everything else the loop does is fixed.
internal interface IScheduleStrategy
{
    /// <summary>Chooses the index of the ready item to run as step <paramref name="step"/>.</summary>
    int NextReadyItem(ReadyQueue ready, long step);

    /// <summary>Chooses which of <paramref name="count"/> timers due at the same instant fires as step <paramref name="step"/>.</summary>
    int NextTimer(int count, long step);

    /// <summary>Called once per task, in creation order, before its first step is posted.</summary>
    void OnTaskCreated(SimTask task);
}
