using System.Collections.Generic;
using System.Globalization;

namespace SimLoop;

// Replays a recorded schedule instead of a strategy and a seed: every choice the run asks for must be the next
// recorded one (same step, same kind, same number of candidates), or the run stops at that step with a message
// naming both sides. This is Coyote's replay by trace prefix and madsim's check mode.
internal sealed class ScheduleReplayer : IScheduleStrategy
{
    private readonly IReadOnlyList<ScheduleChoice> _choices;
    private readonly RunLoop _loop;
    private int _next;

    public ScheduleReplayer(Schedule schedule, RunLoop loop)
    {
        _choices = schedule.Choices;
        _loop = loop;
    }

    public RandomSource RandomSource => new ReplayedRandomSource(this);

    public int NextReadyItem(ReadyQueue ready, long step) => (int)Take(step, ScheduleChoiceKind.ReadyItem, ready.Count);

    public int NextTimer(int count, long step) => (int)Take(step, ScheduleChoiceKind.Timer, count);

    public void OnTaskCreated(SimTask task)
    {
    }

    /// <summary>Throws if the run ended before the schedule did.</summary>
    public void CheckFinished()
    {
        if (_next < _choices.Count)
        {
            throw new ScheduleMismatchException(
                $"The schedule no longer fits the program: the run ended at step {_loop.Steps}, but the schedule goes on " +
                $"with choice {_next + 1} of {_choices.Count}, {Describe(_choices[_next])}.");
        }
    }

    private ulong Take(long step, ScheduleChoiceKind kind, int candidates)
    {
        string asked = kind == ScheduleChoiceKind.Random
            ? $"a random draw during step {step}"
            : $"a choice among {candidates} {(kind == ScheduleChoiceKind.Timer ? "timers due together" : "ready items")} at step {step}";
        if (_next >= _choices.Count)
        {
            throw new ScheduleMismatchException(
                $"The schedule no longer fits the program: the run needed {asked}, but the schedule has no choices left " +
                $"(it recorded {_choices.Count}).");
        }

        ScheduleChoice expected = _choices[_next];
        if (expected.Step != step || expected.Kind != kind || expected.Candidates != candidates)
        {
            throw new ScheduleMismatchException(
                $"The schedule no longer fits the program at step {System.Math.Min(step, expected.Step)}: the run needed {asked}, " +
                $"where the schedule recorded choice {_next + 1} of {_choices.Count}, {Describe(expected)}. " +
                "The code under test has probably changed since the schedule was recorded.");
        }

        _next++;
        return expected.Value;
    }

    private static string Describe(ScheduleChoice choice) => choice.Kind switch
    {
        ScheduleChoiceKind.Random => string.Create(CultureInfo.InvariantCulture, $"a random draw during step {choice.Step}"),
        ScheduleChoiceKind.Timer => string.Create(CultureInfo.InvariantCulture,
            $"timer {choice.Value} of {choice.Candidates} due together at step {choice.Step}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"ready item {choice.Value} of {choice.Candidates} at step {choice.Step}"),
    };

    private sealed class ReplayedRandomSource(ScheduleReplayer replayer) : RandomSource
    {
        public override ulong NextUInt64() => replayer.Take(replayer._loop.Steps, ScheduleChoiceKind.Random, 0);
    }
}
