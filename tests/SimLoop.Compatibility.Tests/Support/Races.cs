namespace SimLoop.Compatibility.Tests.Support;

/// <summary>Where a scenario's races show, so the determinism check can show it is not vacuous.</summary>
internal enum Races
{
    /// <summary>Different seeds under Random print different lines (and so give different fingerprints).</summary>
    InOutput,

    /// <summary>Different seeds under Random choose differently (different fingerprints), but the output is fixed by
    /// the program: the primitive orders the work itself.</summary>
    InTraceOnly,
}
