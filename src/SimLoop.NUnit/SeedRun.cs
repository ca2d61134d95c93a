using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace SimLoop;

// One test's seed run, start to end: read the plan from the environment, replay the regressions file's seeds
// first, run the plan's seeds in parallel, re-run the first failing seed alone to tell a schedule from state shared
// between seeds, append the first new failing seed to the regressions file, and turn the outcomes, in seed order,
// into a summary line and (if any failed) one report. A run with no seeds at all (a shard of fewer seeds than
// shards) says so in NoSeedsMessage instead of passing.
internal sealed class SeedRun
{
    private SeedRun(IReadOnlyList<SeedCase> cases, IReadOnlyList<SeedOutcome> failures, int failed, string summary,
        string? failure, string? noSeeds)
    {
        Cases = cases;
        Failures = failures;
        FailedCount = failed;
        Summary = summary;
        FailureMessage = failure;
        NoSeedsMessage = noSeeds;
    }

    public IReadOnlyList<SeedCase> Cases { get; }

    /// <summary>The failures in seed order; at most <see cref="SeedTally.FailuresKept"/> of <see cref="FailedCount"/>.</summary>
    public IReadOnlyList<SeedOutcome> Failures { get; }

    public int FailedCount { get; }

    public string Summary { get; }

    public string? FailureMessage { get; }

    public string? NoSeedsMessage { get; }

    public Exception? FirstException => Failures.Count > 0 ? Failures[0].Exception : null;

    // Seeds run in blocks (SeedBlocks) so that Pct's horizon follows the program's length as the batch measures it.
    // runAlone runs the first failing seed alone, as its replay line would, with its logs captured for the report and
    // to check for state shared between seeds: the command gives a fresh fixture; by default the body runs once more
    // on this thread.
    public static SeedRun Execute(
        Func<Simulation, Task> body,
        SeedRunOptions options,
        string? testName,
        string regressionsKey,
        RegressionsFile? regressions,
        SeedRerun? runAlone = null)
    {
        SeedPlan plan = SeedSource.Read(options.Environment, options.Seeds, options.Strategy);
        SimulationOptions template = options.Simulation ?? new SimulationOptions();
        if (plan.PctSteps is int steps)
        {
            template = template with { PctSteps = steps };
        }

        _ = new Simulation(template); // validates the template once, before any thread starts

        // A replay runs exactly the seed asked for; every other run checks the regressions first.
        IReadOnlyList<SeedCase> recorded = plan.Replay is null && regressions is not null ? regressions.Read(regressionsKey) : [];
        var cases = new SeedCases(recorded, plan.Seeds(), plan.Strategy);
        string name = testName ?? "seeds";
        if (cases.Count == 0)
        {
            string none = $"SimLoop {name}: no seeds to run in this process: {plan.Describe()}. " +
                $"{SeedSource.ShardVariable}={plan.Shard} splits {plan.Count} seeds into {plan.Shard.Count} shares and this one is empty, " +
                $"so nothing was tested here. Run at least {plan.Shard.Count} seeds ({SeedSource.SeedsVariable} or the test's Seeds) " +
                "so that every shard has one.";
            return new SeedRun(cases, [], 0, none, null, none);
        }

        TextWriter progressWriter = options.Progress ?? TestContext.Progress;
        var progress = new ProgressReporter(progressWriter, options.WallClock, name, cases.Count, options.ProgressInterval);
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        SeedBlocks tally = SeedBlocks.Run(cases, body, template, plan.PctSteps, threads, progress, options.LogOutput);
        TimeSpan elapsed = progress.Elapsed;
        IReadOnlyList<SeedOutcome> failures = tally.Failures();

        string summary = string.Create(CultureInfo.InvariantCulture,
            $"SimLoop {name}: {tally.Ran} seeds ({plan.Describe()}{(cases.FromFile > 0 ? $", {cases.FromFile} from the regressions file" : "")}, " +
            $"strategy {plan.Strategy}) in {elapsed.TotalSeconds:0.00} s, {ProgressReporter.Rate(tally.Ran, elapsed)} seeds/s, " +
            $"{tally.Failed} failed");
        string? message = null;
        if (failures.Count > 0)
        {
            (string details, string note) = Report(failures[0], runAlone ?? SeedRerun.Body(body), template, options, testName,
                manySeeds: cases.Count > 1, out bool shared);
            message = FailureReport.Message(failures, tally.Failed, tally.Ran, plan.Describe(), plan.Strategy, options.Strategy, testName, details) +
                note + Record(regressions, regressionsKey, failures, shared);
        }

        return new SeedRun(cases, failures, tally.Failed, summary, message, null);
    }

    public void ThrowIfFailed()
    {
        if (NoSeedsMessage is not null)
        {
            Assert.Inconclusive(NoSeedsMessage);
        }

        if (FailureMessage is not null)
        {
            throw new SeedFailureException(FailureMessage, FirstException, [.. Failures.Select(static o => o.Case.Seed)]);
        }
    }

    // The first failing seed runs again, alone and with its logs captured (FailureRerun): its details go under its
    // block, and when it does not fail the same way a note says so. In a run of many seeds the likely reason is
    // state the seeds share (shared is then true: its replay would pass, so it is not recorded); with one seed it
    // is a body that depends on something outside the simulation.
    private static (string Details, string Note) Report(SeedOutcome first, SeedRerun runAlone, SimulationOptions template,
        SeedRunOptions options, string? testName, bool manySeeds, out bool shared)
    {
        // The seed's own horizon, as its replay line pins it.
        template = first.Case.PctSteps > 0 ? template with { PctSteps = first.Case.PctSteps } : template;
        FailureRerun? rerun = FailureRerun.Run(first, runAlone, template, options.NewLogCapture, options.Strategy, testName);
        string details = FailureDetails.For(first, rerun);
        if (rerun?.TimelinePath is { } path)
        {
            FailureTimeline.Attach(path, first.Case.Seed);
        }

        shared = manySeeds && rerun is { Same: false };
        if (rerun is null || rerun.Same)
        {
            return (details, string.Empty);
        }

        string note = manySeeds
            ? FailureReport.SharedState(first.Case.Seed, rerun.Outcome.Failed ? rerun.Outcome : null, rerun.How, options.Strategy, testName)
            : FailureDetails.NotReproduced(first, rerun);
        return (details, "\n\n" + note);
    }

    // The first new failing seed goes to the file, unless a seed already in it failed (the known bug is not fixed
    // yet, and each run would add a seed) or the failure came from shared state (its replay passes). Whatever
    // happens to the file, the seed's report stands: a file problem is a note under it, never the test's failure.
    private static string Record(RegressionsFile? regressions, string key, IReadOnlyList<SeedOutcome> failures, bool shared)
    {
        if (regressions is null || shared)
        {
            return string.Empty;
        }

        if (failures.FirstOrDefault(static f => f.Case.Origin is not null) is { } known)
        {
            return $"\n\nNo seed was added to {regressions.DisplayName}: seed {known.Case.Seed} from it ({known.Case.Origin}) still fails.";
        }

        SeedOutcome first = failures[0];
        try
        {
            return regressions.Append(key, first)
                ? $"\n\nSeed {first.Case.Seed} was added to {regressions.DisplayName}: commit it, and every later run replays it first."
                : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"\n\nSeed {first.Case.Seed} could not be added to {regressions.DisplayName} ({regressions.Path}): " +
                $"{e.GetType().Name}: {e.Message} The failure above is the test's result; replay it with its line, " +
                "or make the folder writable so later runs replay it first.";
        }
    }
}
