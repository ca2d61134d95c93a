using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace SimLoop;

/// <summary>Runs one generated <see cref="SimCase"/> inside an FsCheck property, so that a failure carries
/// SimLoop's replay line next to FsCheck's own replay value.</summary>
public static class SimProperty
{
    /// <summary>Runs <paramref name="body"/> under a fresh simulation with the case's seed, strategy and faults,
    /// and throws if it fails.</summary>
    /// <param name="simCase">The generated case.</param>
    /// <param name="body">The program, run as the task "main".</param>
    /// <param name="options">The options each run starts from (limits, start time); the defaults when
    /// <see langword="null"/>. Its seed and strategy are the case's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="simCase"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="simCase"/> has no fault plan, or a strategy that is not a
    /// <see cref="ScheduleStrategy"/> member; or <paramref name="options"/> is out of range (the core's message names the option).</exception>
    /// <exception cref="SeedFailureException">The run failed; the message holds the seed, strategy, faults, step,
    /// virtual time, the exception and its cancellation causes, the line that replays exactly this case, the last
    /// entries of the trace, and the log lines of the case run again with logging on.</exception>
    /// <remarks>The method's <see cref="SimulationPropertyAttribute"/> settings (<c>MaxVirtualTime</c>,
    /// <c>TraceCapacity</c>, <c>Log</c>) apply on top of <paramref name="options"/>. A failing case is run once more with
    /// its logs captured, so passing cases never log unless <c>Log</c> asks for it.</remarks>
    public static void Check(SimCase simCase, Func<Simulation, Task> body, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simCase);
        ArgumentNullException.ThrowIfNull(body);
        Validate(simCase);
        Func<Simulation, Task> run = sim =>
        {
            simCase.Faults.Apply(sim);
            return body(sim);
        };
        SimulationPropertyAttribute.Found? found = SimulationPropertyAttribute.Current();
        SimulationSettings? settings = found?.Attribute?.Settings;
        SimulationOptions template = options is null
            ? found?.DefaultOptions ?? new SimulationOptions()
            : settings?.Apply(options) ?? options;
        (template, SeedCase seedCase, PropertyHorizon.Batch? batch) = Horizon(simCase, template, found?.InParallel ?? false);
        TextWriter? log = settings?.Writer();
        SimulationOptions first = log is null
            ? template
            : template with { LoggerFactory = new LineLoggerFactory(line => log.WriteLine($"{simCase}: {line}")) };
        Simulation sim = SeedExecution.Create(seedCase, first);
        SeedOutcome? failure = SeedExecution.Run(SeedWorker.ForThisThread(), ref sim, seedCase, run);
        batch?.Record(sim.Choices);

        if (failure is not null)
        {
            throw Failure(simCase, failure, FailureRerun.Run(failure, SeedRerun.Body(run), template, static () => new LogCapture(),
                simCase.Strategy, CurrentTest.Name()));
        }
    }

    /// <summary>Formats the line that replays <paramref name="simCase"/> in the current NUnit test: the line
    /// <see cref="Check"/> prints, for a property that checks its case outside a run's main task.</summary>
    /// <param name="simCase">The case that failed.</param>
    /// <returns>One line to paste into a shell, such as
    /// <c>SIMLOOP_SEED=77 SIMLOOP_STRATEGY=Pct SIMLOOP_FAULTS=none dotnet test --filter "FullyQualifiedName~Fixture.Law"</c>:
    /// with it, every <see cref="SimCase"/> the property generates is this one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="simCase"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="simCase"/> has no fault plan or an undefined strategy.</exception>
    public static string ReplayLine(SimCase simCase)
    {
        ArgumentNullException.ThrowIfNull(simCase);
        Validate(simCase);
        return SimLoop.ReplayLine.For(simCase.Seed, simCase.Strategy, simCase.Strategy, CurrentTest.Name(), Pins(simCase));
    }

    // Pct's horizon for this case: SIMLOOP_PCT_STEPS when set (a replay line), else the options' own, else the
    // estimate from the property's earlier cases, pinned on the case (and so in its replay line) when its Pct uses it.
    private static (SimulationOptions Template, SeedCase Case, PropertyHorizon.Batch? Batch) Horizon(SimCase simCase, SimulationOptions template,
        bool inParallel)
    {
        var seedCase = new SeedCase(simCase.Seed, simCase.Strategy);
        int? pinned = SeedSource.ReadPctSteps(SimArbitraries.Environment(SeedSource.PctStepsVariable));
        PropertyHorizon.Batch? batch = pinned is null && template.PctSteps == 0 && !inParallel ? PropertyHorizon.Current() : null;
        int steps = pinned ?? batch?.Next() ?? 0;
        if (steps > 0 && PctHorizon.UsesPct(simCase.Strategy, simCase.Seed))
        {
            return (template with { PctSteps = steps }, seedCase with { PctSteps = steps }, batch);
        }

        return (template, seedCase, batch);
    }

    // The case's block with its trace, logs and timeline, and a note when its re-run with logging on differed.
    private static SeedFailureException Failure(SimCase simCase, SeedOutcome outcome, FailureRerun? rerun)
    {
        string block = FailureReport.Block(outcome, simCase.Strategy, CurrentTest.Name(), Pins(simCase), "faults " + simCase.Faults) +
            FailureDetails.For(outcome, rerun) +
            (rerun is { Same: false } ? "\n\n" + FailureDetails.NotReproduced(outcome, rerun) : string.Empty);
        if (rerun?.TimelinePath is { } path)
        {
            FailureTimeline.Attach(path, simCase.Seed);
        }

        return new SeedFailureException(block, outcome.Exception, [simCase.Seed]);
    }

    private static void Validate(SimCase simCase)
    {
        if (simCase.Faults is null)
        {
            throw new ArgumentException("simCase.Faults is null: use FaultPlan.None for a run without faults.", nameof(simCase));
        }

        if (!Enum.IsDefined(simCase.Strategy))
        {
            throw new ArgumentException(
                $"simCase.Strategy must be ScheduleStrategy.Fifo, Random, Pct or Portfolio; it was (ScheduleStrategy){(int)simCase.Strategy}.", nameof(simCase));
        }
    }

    // The strategy and faults are generated, not the test's own: the replay line pins all of them.
    private static KeyValuePair<string, string>[] Pins(SimCase simCase) =>
    [
        new(SeedSource.StrategyVariable, simCase.Strategy.ToString()),
        new(SimArbitraries.FaultsVariable, simCase.Faults.ToString()),
    ];
}
