namespace SimLoop.BugBench.Coyote;

/// <summary>One bug of tests/SimLoop.BugBench/Bugs/ as ordinary async C# for Coyote: the same program, with
/// <c>Task.Run</c> where SimLoop's version spawns a task and <c>Task.Delay(ms)</c> where it delays on the virtual clock.</summary>
internal interface IPort
{
    /// <summary>Gets the bug's name, as in the SimLoop benchmark.</summary>
    string Name { get; }

    /// <summary>Gets what Coyote's bug report says when this bug is the one found: an exception type name, or
    /// "Deadlock" for a deadlock.</summary>
    string Failure { get; }

    /// <summary>Runs the program once: silent when the interleaving is benign; throws (or deadlocks) when the bug manifests.</summary>
    Task Run();
}
