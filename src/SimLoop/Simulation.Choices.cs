using System;
using System.Collections.Generic;

namespace SimLoop;

// The run's choices, composed from the options: the strategy that picks (or the schedule being replayed, or the guide
// of a minimization), wrapped by the recorder and the departure observer when asked; and Sim.Random's source, fed the
// same way. The loop only asks the composed strategy.
public sealed partial class Simulation
{
    private ScheduleRecorder? _recorder;
    private ScheduleReplayer? _replayer;
    private GuidedStrategy? _guide;
    private DepartureObserver? _departures;

    /// <summary>Gets how many scheduling choices the run has made so far: steps where more than one ready
    /// continuation could run, the unit of <see cref="SimulationOptions.PctSteps"/>.</summary>
    /// <remarks>Read after <see cref="Run(System.Func{System.Threading.Tasks.Task})"/> returns or throws, it is the
    /// length of the program, as Pct counts it, under this seed and strategy.</remarks>
    public long Choices => Loop.Choices;

    /// <summary>Gets the departures from Fifo order this run made, when asked to observe them (minimization only).</summary>
    internal List<ScheduleDeparture>? Departures => _departures?.Departures;

    /// <summary>Gets the replayer that makes this run's choices, when <see cref="SimulationOptions.Replay"/> is set.</summary>
    internal ScheduleReplayer? Replayer => _replayer;

    private IScheduleStrategy ChooseStrategy(RunLoop loop)
    {
        SimulationOptions options = Options;
        _replayer = options.Replay is { } schedule ? new ScheduleReplayer(schedule, loop) : null;
        _guide = options.Guide is { } guide ? new GuidedStrategy(loop, guide) : null;
        IScheduleStrategy strategy = _replayer ?? _guide ?? (IScheduleStrategy)(options.Strategy switch
        {
            ScheduleStrategy.Random => new RandomStrategy(options.Seed),
            ScheduleStrategy.Pct => new PctStrategy(options.Seed, options.PctDepth, options.PctSteps),
            ScheduleStrategy.Portfolio => Portfolio.Create(options.Seed, options.PctSteps),
            _ => new FifoStrategy(),
        });
        _recorder = options.RecordSchedule ? new ScheduleRecorder() : null;
        strategy = _recorder?.Wrap(strategy) ?? strategy;
        if (options.ObserveDepartures)
        {
            _departures = new DepartureObserver(strategy, loop);
            strategy = _departures;
        }

        return strategy;
    }

    /// <summary>The source of Sim.Random's draws: the seeded generator, or the replayed schedule; recorded if asked.</summary>
    private RandomSource CreateRandomSource()
    {
        RandomSource source = _replayer?.RandomSource ?? _guide?.RandomSource ?? new Prng(Options.Seed, SeededRandom.UserStream);
        return _recorder?.Wrap(source, _loop) ?? source;
    }
}
