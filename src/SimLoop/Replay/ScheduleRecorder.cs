using System.Collections.Generic;

namespace SimLoop;

// Records every real choice of a run (SimulationOptions.RecordSchedule): the strategy's and Sim.Random's. It wraps
// the strategy and the random source, so the run makes exactly the choices it would have made unrecorded.
internal sealed class ScheduleRecorder
{
    private readonly List<ScheduleChoice> _choices = new();

    public void Add(in ScheduleChoice choice)
    {
        Invariant.Assert(_choices.Count == 0 || _choices[^1].Step <= choice.Step, "choices are recorded in step order");
        _choices.Add(choice);
    }

    public Schedule ToSchedule(long seed, ScheduleStrategy strategy) => new(_choices, seed, strategy);

    public IScheduleStrategy Wrap(IScheduleStrategy strategy) => new RecordingStrategy(strategy, this);

    public RandomSource Wrap(RandomSource source, RunLoop loop) => new RecordingRandomSource(source, this, loop);

    private sealed class RecordingStrategy(IScheduleStrategy inner, ScheduleRecorder recorder) : IScheduleStrategy
    {
        public int NextReadyItem(ReadyQueue ready, long step)
        {
            int choice = inner.NextReadyItem(ready, step);
            recorder.Add(new ScheduleChoice(step, ScheduleChoiceKind.ReadyItem, (ulong)choice, ready.Count));
            return choice;
        }

        public int NextTimer(int count, long step)
        {
            int choice = inner.NextTimer(count, step);
            recorder.Add(new ScheduleChoice(step, ScheduleChoiceKind.Timer, (ulong)choice, count));
            return choice;
        }

        public void OnTaskCreated(SimTask task) => inner.OnTaskCreated(task);
    }

    private sealed class RecordingRandomSource(RandomSource inner, ScheduleRecorder recorder, RunLoop loop) : RandomSource
    {
        public override ulong NextUInt64()
        {
            ulong value = inner.NextUInt64();
            recorder.Add(new ScheduleChoice(loop.Steps, ScheduleChoiceKind.Random, value, 0));
            return value;
        }
    }
}
