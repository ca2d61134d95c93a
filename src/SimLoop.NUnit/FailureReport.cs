using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SimLoop;

// The text a failing seed run reports: one block per failing seed, in seed order, each with the seed, the
// strategy, the step, the virtual time, the exception and its cancellation cause, and the line that replays it.
internal static class FailureReport
{
    public const int BlocksMax = 5;

    public static string Block(SeedOutcome outcome, ScheduleStrategy configured, string? testName,
        IEnumerable<KeyValuePair<string, string>>? extraReplay = null, string? caseText = null)
    {
        Exception exception = outcome.Exception ?? throw new ArgumentException("The outcome did not fail.", nameof(outcome));
        SeedCase run = outcome.Case;
        var text = new StringBuilder();
        text.Append("Seed ").Append(run.Seed).Append(" (strategy ").Append(Strategy(run))
            .Append(caseText is null ? string.Empty : ", " + caseText)
            .Append(") failed at step ").Append(outcome.Step).Append(", virtual time ").Append(TimeFormat.Instant(outcome.VirtualTime))
            .Append(": ").Append(exception.GetType().Name).Append(": ").Append(exception.Message);
        foreach (string chain in Chains(Causes(exception).Select(static c => c.ToString()).Concat(Requested(outcome))))
        {
            text.Append("\n  Cancellation: ").Append(chain);
        }

        foreach (Exception inner in Inner(exception))
        {
            if (inner is SimCancelledException { Cause: not null })
            {
                continue; // its cause is printed above
            }

            text.Append("\n  Inner: ").Append(inner.GetType().Name).Append(": ").Append(inner.Message);
        }

        if (run.Origin is not null)
        {
            text.Append("\n  From: ").Append(run.Origin);
        }

        text.Append("\n  Replay: ").Append(ReplayLine.For(run.Seed, run.Strategy, configured, testName, extraReplay, run.PctSteps));
        return text.ToString();
    }

    // The portfolio names the member the seed ran, which replaying the seed runs again.
    private static string Strategy(SeedCase run) => run.Strategy == ScheduleStrategy.Portfolio
        ? new SimulationOptions { Seed = run.Seed, Strategy = run.Strategy }.DescribeStrategy()
        : run.Strategy.ToString();

    // The whole message: a headline, the first blocks, and the seeds of the rest. Failures are the kept ones, in
    // seed order; failed counts them all, which is more when the run kept only the first SeedTally.FailuresKept.
    // The first block also carries its details (trace, logs, timeline): the first failing seed is the one re-run.
    public static string Message(IReadOnlyList<SeedOutcome> failures, int failed, int total, string plan, ScheduleStrategy strategy,
        ScheduleStrategy configured, string? testName, string firstDetails = "")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SimLoop: {failed} of {total} seeds failed ({plan}, strategy {strategy}).");
        foreach (SeedOutcome failure in failures.Take(BlocksMax))
        {
            text.Append("\n\n").Append(Block(failure, configured, testName));
            if (ReferenceEquals(failure, failures[0]))
            {
                text.Append(firstDetails);
            }
        }

        if (failed > BlocksMax)
        {
            IEnumerable<long> rest = failures.Skip(BlocksMax).Select(static f => f.Case.Seed);
            const int listed = 50;
            text.Append("\n\n").Append(failed - BlocksMax).Append(" more failing seeds: ")
                .Append(string.Join(", ", rest.Take(listed)))
                .Append(failed - BlocksMax > listed ? ", ..." : string.Empty);
        }

        return text.ToString();
    }

    // The note for a seed that failed in the batch but not the same way alone: alone is its outcome when it failed
    // differently, null when it passed; how says how it was re-run, such as "one seed, on one thread".
    public static string SharedState(long seed, SeedOutcome? alone, string how, ScheduleStrategy configured, string? testName)
    {
        string result = alone is null
            ? "passed"
            : "failed differently (" + Block(alone, configured, testName).Split('\n')[0] + ")";
        return $"State shared between seeds: seed {seed} failed in this run, but {result} when SimLoop re-ran it alone " +
            $"afterwards ({how}). One seed's run is deterministic, " +
            "so the difference is not the schedule: the seeds share state that outlives one seed, and change it for each " +
            "other. A fixture field set in [SetUp] is the usual cause, since set-up runs once for all the seeds of a test " +
            "(and all of them share one fixture instance, even with [FixtureLifeCycle(LifeCycle.InstancePerTestCase)]); " +
            "a static, or an object created outside the body, is another. Create that state inside the test body, a " +
            "fresh object per seed. Until then the replay line above may pass, and the seed was not added to the " +
            "regressions file.";
    }

    // The cancellation cause chains of the tasks involved, outermost first and each once: a SimCancelledException's
    // own, the one inside a WaitFor's TimeoutException or an AggregateException, and the causes of the tasks a
    // deadlock left blocked that had been asked to cancel.
    private static IEnumerable<CancellationCause> Causes(Exception exception)
    {
        var seen = new HashSet<CancellationCause>(ReferenceEqualityComparer.Instance);
        foreach (Exception e in Inner(exception).Prepend(exception))
        {
            IEnumerable<CancellationCause?> causes = e switch
            {
                SimCancelledException cancelled => [cancelled.Cause],
                SimulationDeadlockException deadlock => deadlock.BlockedTasks.Select(static t => t.CancellationCause),
                _ => [],
            };
            foreach (CancellationCause? cause in causes)
            {
                if (cause is not null && !seen.Contains(cause))
                {
                    for (CancellationCause? link = cause; link is not null; link = link.Inner)
                    {
                        seen.Add(link); // printed as part of this chain
                    }

                    yield return cause;
                }
            }
        }
    }

    // The cancellations the run requested up to its failure, as its trace recorded them (the run's end cancels what
    // is left, which says nothing about the failure): they name the tasks the exception does not, such as the inner
    // end of an a -> b -> c chain.
    private static IEnumerable<string> Requested(SeedOutcome outcome) =>
        outcome.LastSteps
            .Where(e => e.Kind == TraceEventKind.CancellationRequested && e.Step <= outcome.Step && e.Detail is not null)
            .Select(static e => e.Detail!);

    // Each chain once, leaving out a chain that is the tail of a longer one ("b <- a" is in "c <- b <- a").
    private static IEnumerable<string> Chains(IEnumerable<string> chains)
    {
        List<string> all = [.. chains.Distinct(StringComparer.Ordinal)];
        return all.Where(chain => !all.Any(longer => longer.Length > chain.Length && longer.EndsWith(" <- " + chain, StringComparison.Ordinal)));
    }

    // The exceptions inside this one, depth first in order: inner exceptions, and every one of an AggregateException.
    private static IEnumerable<Exception> Inner(Exception exception)
    {
        IEnumerable<Exception> children = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } inner ? [inner] : [];
        foreach (Exception child in children)
        {
            yield return child;
            foreach (Exception deeper in Inner(child))
            {
                yield return deeper;
            }
        }
    }
}
