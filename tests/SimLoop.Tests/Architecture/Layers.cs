namespace SimLoop.Tests.Architecture;

// The core's folders, top to bottom. A folder may reference the folders below it and never one above it, so the
// core reads as a one-way graph: Foundation depends on nothing of SimLoop's, Minimization on everything. The files
// directly in src/SimLoop (Simulation, Sim, SimulationOptions: the public entry points) are the layer "Face".
internal static class Layers
{
    public const string Face = "Face";

    public static readonly string[] TopToBottom =
    [
        "Minimization",
        Face,
        "Replay",
        "Strategies",
        "Loop",
        "PoolCapture",
        "Diagnostics",
        "Tasks",
        "Clock",
        "Foundation",
    ];

    public const int MaxFileLines = 300;

    public const int MaxMethodLines = 70;

    public static bool IsKnown(string folder) => Array.IndexOf(TopToBottom, folder) >= 0;

    /// <summary>Whether code in <paramref name="from"/> may use a type declared in <paramref name="to"/>.</summary>
    public static bool Allows(string from, string to) =>
        from == to || (IsKnown(from) && IsKnown(to) && Array.IndexOf(TopToBottom, from) < Array.IndexOf(TopToBottom, to));

    public static IEnumerable<string> Below(string folder) =>
        TopToBottom.Skip(Array.IndexOf(TopToBottom, folder) + 1);
}
