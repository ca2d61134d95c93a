using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimLoop.Benchmarks.Reporting;

// Shows PeakMemory's measurement beside BenchmarkDotNet's own columns.
internal sealed class PeakMemoryColumn : IColumn
{
    public string Id => nameof(PeakMemoryColumn);

    public string ColumnName => "Peak live";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Live managed memory at the peak of one operation (full collection), above what was live before";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        PeakMemory.Read(Key(benchmarkCase)) is { } bytes ? $"{bytes / (1024.0 * 1024.0):N1} MiB" : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    internal static string Key(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type.Name + "." + benchmarkCase.Descriptor.WorkloadMethod.Name;
}
