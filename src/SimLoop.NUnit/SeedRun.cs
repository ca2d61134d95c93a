using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace SimLoop;

// One test's seed run, start to end: read the plan from the environment, replay the regressions file's seeds
// first, run the plan's seeds in parallel, append the first new failing seed to the regressions file, and turn
// the outcomes, in seed order, into a summary line and (if any failed) one report.
internal sealed class SeedRun
{
    private SeedRun(SeedOutcome[] outcomes, string summary, string? failure, Exception? firstException)
    {
        Outcomes = outcomes;
        Summary = summary;
        FailureMessage = failure;
        FirstException = firstException;
    }

    public IReadOnlyList<SeedOutcome> Outcomes { get; }

    public string Summary { get; }

    public string? FailureMessage { get; }

    public Exception? FirstException { get; }

    public static SeedRun Execute(
        Func<Simulation, Task> body,
        SeedRunOptions options,
        string? testName,
        string regressionsKey,
        RegressionsFile? regressions)
    {
        SeedPlan plan = SeedSource.Read(options.Environment, options.Seeds, options.Strategy);
        SimulationOptions template = options.Simulation ?? new SimulationOptions();
        _ = new Simulation(template); // validates the template once, before any thread starts

        // A replay runs exactly the seed asked for; every other run checks the regressions first.
        List<SeedCase> cases = plan.Replay is null && regressions is not null ? [.. regressions.Read(regressionsKey)] : [];
        var recorded = cases.Select(static c => (c.Seed, c.Strategy)).ToHashSet();
        cases.AddRange(plan.Seeds().Select(seed => new SeedCase(seed, plan.Strategy)).Where(c => !recorded.Contains((c.Seed, c.Strategy))));

        string name = testName ?? "seeds";
        TextWriter progressWriter = options.Progress ?? TestContext.Progress;
        var progress = new ProgressReporter(progressWriter, options.WallClock, name, cases.Count, options.ProgressInterval);
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        SeedOutcome[] outcomes = ParallelSeeds.Run(cases, body, template, threads, progress);
        TimeSpan elapsed = progress.Elapsed;

        List<SeedOutcome> failures = [.. outcomes.Where(static o => o.Failed)];
        string? appended = null;
        if (regressions is not null && failures.FirstOrDefault(static f => f.Case.Origin is null) is { } first
            && regressions.Append(regressionsKey, first))
        {
            appended = $"Seed {first.Case.Seed} was added to {regressions.DisplayName}: commit it, and every later run replays it first.";
        }

        int fromFile = cases.Count(static c => c.Origin is not null);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"SimLoop {name}: {outcomes.Length} seeds ({plan.Describe()}{(fromFile > 0 ? $", {fromFile} from the regressions file" : "")}, " +
            $"strategy {plan.Strategy}) in {elapsed.TotalSeconds:0.00} s, {ProgressReporter.Rate(outcomes.Length, elapsed)} seeds/s, " +
            $"{failures.Count} failed");
        string? message = null;
        if (failures.Count > 0)
        {
            message = FailureReport.Message(failures, outcomes.Length, plan.Describe(), plan.Strategy, options.Strategy, testName) +
                (appended is null ? string.Empty : "\n\n" + appended);
        }

        return new SeedRun(outcomes, summary, message, failures.FirstOrDefault()?.Exception);
    }

    public void ThrowIfFailed()
    {
        if (FailureMessage is not null)
        {
            throw new SeedFailureException(FailureMessage, FirstException,
                [.. Outcomes.Where(static o => o.Failed).Select(static o => o.Case.Seed)]);
        }
    }
}
