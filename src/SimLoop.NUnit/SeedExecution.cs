using System;
using System.Threading.Tasks;

namespace SimLoop;

// Runs one seed: a fresh Simulation, the body as main, and the point of failure read back from the trace. A failed
// run keeps the end of its trace for the report; onFailure sees the finished simulation (for a timeline picture).
internal static class SeedExecution
{
    public const int LastStepsMax = 20;

    // A chance collision of the pool's work ids twice in a row is about as likely as a second one in a million runs;
    // a third means the ids collide every time (a work item type with value equality), and is reported.
    private const int TransientAttempts = 3;

    public static SeedOutcome Run(SeedCase seedCase, Func<Simulation, Task> body, SimulationOptions template,
        Action<Simulation, Exception>? onFailure = null)
    {
        Simulation sim = Create(seedCase, template);
        return Run(SeedWorker.ForThisThread(), ref sim, seedCase, body, onFailure) ?? new SeedOutcome(seedCase, null, sim.Steps, sim.Elapsed) { Choices = sim.Choices };
    }

    /// <summary>The simulation <paramref name="seedCase"/> runs in.</summary>
    public static Simulation Create(SeedCase seedCase, SimulationOptions template) =>
        new(template with { Seed = seedCase.Seed, Strategy = seedCase.Strategy });

    /// <summary>Runs one seed of a batch on <paramref name="worker"/>'s thread: its outcome when it failed, null when
    /// it passed (a batch counts passes, so a passing seed leaves nothing behind but its simulation).</summary>
    /// <remarks>A run stopped by a chance collision of the pool's work ids is run again in a new simulation, which
    /// <paramref name="sim"/> is then: its outcome is the seed's own.</remarks>
    public static SeedOutcome? Run(SeedWorker worker, ref Simulation sim, SeedCase seedCase, Func<Simulation, Task> body,
        Action<Simulation, Exception>? onFailure = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            // Each seed runs in an NUnit context with a clear result (SeedWorker), so an Assert.That failing inside one
            // seed (on any thread) is that seed's exception, not a failure recorded into the test's shared result.
            try
            {
                worker.Run(sim, body);
                return null;
            }
            catch (SimulationEscapeException escape) when (escape.IsTransient && attempt < TransientAttempts)
            {
                sim = new Simulation(sim.Options);
            }
#pragma warning disable CA1031 // Any exception of the body is the seed's failure, to be reported with its seed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                (long step, TimeSpan time) = FailurePoint(sim, exception);
                onFailure?.Invoke(sim, exception);
                return new SeedOutcome(seedCase, exception, step, time)
                {
                    LastSteps = LastSteps(sim.Trace),
                    TraceTotal = sim.Trace.TotalCount,
                    Choices = sim.Choices,
                };
            }
        }
    }

    private static TraceEntry[] LastSteps(SimulationTrace trace)
    {
        int count = Math.Min(LastStepsMax, trace.Count);
        var last = new TraceEntry[count];
        for (int i = 0; i < count; i++)
        {
            last[i] = trace[trace.Count - count + i];
        }

        return last;
    }

    // Main is task 1; its TaskFinished entry holds the step and virtual time at which it failed. Drain steps after
    // it would move sim.Steps on, so the trace is the better witness while it still holds that entry.
    private static (long Step, TimeSpan Time) FailurePoint(Simulation sim, Exception exception)
    {
        if (exception is not SimulationException)
        {
            SimulationTrace trace = sim.Trace;
            for (int i = trace.Count - 1; i >= 0; i--)
            {
                TraceEntry entry = trace[i];
                if (entry.TaskId == 1 && entry.Kind == TraceEventKind.TaskFinished)
                {
                    return (entry.Step, entry.Elapsed);
                }
            }
        }

        return (sim.Steps, sim.Elapsed);
    }
}
