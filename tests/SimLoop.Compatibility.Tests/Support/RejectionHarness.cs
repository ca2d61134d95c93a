namespace SimLoop.Compatibility.Tests.Support;

// For primitives SimLoop refuses: every strategy, a few seeds (a refusal waits for real time, a real timer or real
// I/O, so a handful is enough), each run must fail with SimulationEscapeException; the caller asserts the message. The step an escape is noticed at depends on when a real pool thread arrives, so messages are not compared
// between runs: the refusal is deterministic, its step number need not be. Real timers in these scenarios are 30 ms:
// long enough not to fire inside the step that arms them (there nothing crosses threads, so nothing can be seen),
// short enough to fire within the loop's 100 ms grace for escapes when it goes idle.
internal static class RejectionHarness
{
    private const int SeedsPerStrategy = 3;

    /// <summary>Runs the scenario under every strategy and a few seeds; each run must be refused.</summary>
    /// <returns>The escape of every run.</returns>
    public static IReadOnlyList<SimulationEscapeException> ExpectEscape(Func<Action<string>, Task> scenario)
    {
        var escapes = new List<SimulationEscapeException>();
        foreach (ScheduleStrategy strategy in DeterminismHarness.Strategies)
        {
            for (long seed = 0; seed < SeedsPerStrategy; seed++)
            {
                ScenarioRun run = DeterminismHarness.RunOnce(strategy, seed, scenario);
                Assert.That(run.Failure, Is.InstanceOf<SimulationEscapeException>(), $"{run.Where}: the run was not refused");
                escapes.Add((SimulationEscapeException)run.Failure!);
            }
        }

        return escapes;
    }
}
