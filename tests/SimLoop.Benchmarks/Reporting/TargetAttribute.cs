namespace SimLoop.Benchmarks.Reporting;

/// <summary>A performance target, as a ratio of this benchmark's time to the floor's (baseline's) in the same run.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class TargetAttribute(double ratio) : Attribute
{
    /// <summary>Gets the largest time ratio to the baseline that meets the target.</summary>
    public double Ratio { get; } = ratio;

    /// <summary>Gets a parameter value the target applies to (e.g. "Fifo"), or null for every case.</summary>
    public string? When { get; init; }

    /// <summary>Gets the largest allocation per unit beyond the baseline's, in bytes, or NaN for none.</summary>
    public double BytesOverBaseline { get; init; } = double.NaN;

    /// <summary>Gets the largest allocation per unit, in bytes, or NaN for none.</summary>
    public double Bytes { get; init; } = double.NaN;

    /// <summary>Gets the largest peak of live memory for the whole operation, in bytes, or NaN for none.</summary>
    public double PeakBytes { get; init; } = double.NaN;
}
