namespace SimLoop.BugBench;

/// <summary>One concurrency bug, written as ordinary async C#: <see cref="Run"/> throws when the bug manifests.</summary>
internal interface IBug
{
    /// <summary>Gets the short name used in the report and on the command line.</summary>
    string Name { get; }

    /// <summary>Gets one sentence saying what goes wrong and in which interleaving.</summary>
    string Description { get; }

    /// <summary>Gets where the bug comes from (an SCTBench kernel, or the issue's own list).</summary>
    string Origin { get; }

    /// <summary>Gets the type of exception the bug manifests as; any other exception is an anomaly to report.</summary>
    Type Failure { get; }

    /// <summary>Gets the bug's depth as PCT counts it: how many ordering constraints between tasks the failing
    /// interleaving needs (1: one task's priority over another's is enough; 2: one task also has to be preempted at
    /// one point; and so on), or 0 when what decides it is not the order of tasks (which of two timers due at the same
    /// instant fires first).</summary>
    int Depth { get; }

    /// <summary>Runs the program once inside a simulation: silent when the interleaving is benign; throws when the
    /// bug manifests (an invariant check, an exception from the BCL, or a deadlock the simulation reports).</summary>
    Task Run();
}
