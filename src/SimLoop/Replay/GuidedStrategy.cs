using System.Collections.Generic;

namespace SimLoop;

// Fifo order except at the kept departures, applied in order: run what ran there in the original failing run (the
// oldest ready item of that task, or the timer of that task); everything else in Fifo order. Sim.Random gives
// the original run's draws in order. Minimization tests subsets of departures with it; steps shift when departures
// are dropped, so a guide is a hypothesis that a run confirms or not, never a replay that must fit.
internal sealed class GuidedStrategy : IScheduleStrategy
{
    private const string TimerOf = "the timer of ";

    private readonly RunLoop _loop;
    private readonly IReadOnlyList<ScheduleDeparture> _kept;
    private readonly bool _eager;
    private readonly List<ulong> _draws = new();
    private int _next;

    public GuidedStrategy(RunLoop loop, ScheduleGuide guide)
    {
        _loop = loop;
        _kept = guide.Departures;
        _eager = guide.Eager;
        foreach (ScheduleChoice choice in guide.Original.Choices)
        {
            if (choice.Kind == ScheduleChoiceKind.Random)
            {
                _draws.Add(choice.Value);
            }
        }
    }

    public RandomSource RandomSource => new OriginalDraws(this);

    // The next kept departure applies at the first choice (anchored: at or after its original step) where what it ran
    // is ready and is not Fifo's choice anyway. Departures apply in order.
    public int NextReadyItem(ReadyQueue ready, long step)
    {
        int fifo = FifoOrder.Index(ready);
        if (Due(step, timer: false) is { } departure)
        {
            int found = -1;
            for (int i = 0; i < ready.Count; i++)
            {
                if (SimTask.Describe(ready[i].Owner) == departure.Ran && (found < 0 || ready[i].Sequence < ready[found].Sequence))
                {
                    found = i;
                }
            }

            if (found >= 0 && SimTask.Describe(ready[found].Owner) != SimTask.Describe(ready[fifo].Owner))
            {
                _next++;
                return found;
            }
        }

        return fifo;
    }

    public int NextTimer(int count, long step)
    {
        System.ReadOnlySpan<(TimerEntry Entry, int Version)> due = _loop.DueCandidates;
        int fifo = FifoOrder.Index(due);
        if (Due(step, timer: true) is { } departure)
        {
            for (int i = 0; i < due.Length; i++)
            {
                if (i != fifo && TimerOf + SimTask.Describe((SimTask?)due[i].Entry.Owner) == departure.Ran)
                {
                    _next++;
                    return i;
                }
            }
        }

        return fifo;
    }

    public void OnTaskCreated(SimTask task)
    {
    }

    private ScheduleDeparture? Due(long step, bool timer)
    {
        if (_next >= _kept.Count)
        {
            return null;
        }

        ScheduleDeparture departure = _kept[_next];
        bool isTimer = departure.Ran.StartsWith(TimerOf, System.StringComparison.Ordinal);
        return (_eager || step >= departure.Step) && isTimer == timer ? departure : null;
    }

    private sealed class OriginalDraws(GuidedStrategy guide) : RandomSource
    {
        private readonly Prng _fallback = new(0, SeededRandom.UserStream);
        private int _next;

        public override ulong NextUInt64() => _next < guide._draws.Count ? guide._draws[_next++] : _fallback.NextUInt64();
    }
}
