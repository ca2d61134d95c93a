namespace SimLoop.Benchmarks.Reporting;

/// <summary>What one unit of a benchmark class is (a step, a timer, a run), for the performance table.</summary>
/// <remarks>A benchmark operation does many units; the class's static <c>UnitsPerOperation(ParameterInstances)</c>
/// says how many, so the table shows time and allocation per unit whatever the size.</remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UnitAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>Gets the workload's name in the table; the class's unit and parameters are added to it.</summary>
    public string Workload { get; init; } = name;

    /// <summary>Gets whether the table shows units per second (runs/s) rather than time per unit.</summary>
    public bool PerSecond { get; init; }

    /// <summary>Gets whether the table shows the peak of live memory rather than time.</summary>
    public bool Peak { get; init; }
}
