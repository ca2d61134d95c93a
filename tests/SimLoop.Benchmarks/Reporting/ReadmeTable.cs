using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimLoop.Benchmarks.Reporting;

// Turns BenchmarkDotNet's summaries into the performance table of docs/performance.md: one row per SimLoop benchmark, beside the
// floor (the class's baseline) and FakeTimeProvider measured in the same run, per unit (step, timer, run), with the
// ratio to the floor and whether the benchmark's target holds.
internal static class ReadmeTable
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    public static string Build(IEnumerable<Summary> summaries)
    {
        var text = new StringBuilder();
        text.AppendLine("| workload | SimLoop | floor | FakeTimeProvider | ratio to floor | alloc/unit SimLoop (floor) | target |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        string? machine = null;
        foreach (Summary summary in summaries)
        {
            machine ??= string.Join(Environment.NewLine, summary.HostEnvironmentInfo.ToFormattedString());
            foreach (IGrouping<string, BenchmarkReport> group in summary.Reports.GroupBy(r => r.BenchmarkCase.Job.Id + r.BenchmarkCase.Parameters.DisplayInfo))
            {
                AppendGroup(text, group.ToList());
            }
        }

        return text.AppendLine().AppendLine("```").AppendLine(machine).AppendLine("```").ToString();
    }

    private static void AppendGroup(StringBuilder text, List<BenchmarkReport> reports)
    {
        BenchmarkReport? floor = reports.Find(r => r.BenchmarkCase.Descriptor.Baseline);
        BenchmarkReport? fake = reports.Find(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name.StartsWith("FakeTimeProvider", StringComparison.Ordinal));
        foreach (BenchmarkReport report in reports)
        {
            if (report == floor || report == fake)
            {
                continue;
            }

            BenchmarkCase benchmark = report.BenchmarkCase;
            Type type = benchmark.Descriptor.Type;
            UnitAttribute unit = type.GetCustomAttribute<UnitAttribute>()
                ?? throw new InvalidOperationException($"{type.Name} has no [Unit].");
            double units = Units(type, benchmark.Parameters);
            string gc = benchmark.Job.Id == "ServerGC" ? ", server GC" : string.Empty;
            string parameters = benchmark.Parameters.Count == 0 ? gc : $" ({benchmark.Parameters.DisplayInfo.Trim('[', ']')}{gc})";
            string workload = $"{unit.Workload}{parameters}: {benchmark.Descriptor.WorkloadMethodDisplayInfo} per {unit.Name}";
            double? ratio = Mean(report) / Mean(floor);
            text.Append("| ").Append(workload)
                .Append(" | ").Append(Value(report, unit, units))
                .Append(" | ").Append(Value(floor, unit, units))
                .Append(" | ").Append(Value(fake, unit, units))
                .Append(" | ").Append(ratio is { } r && !double.IsNaN(r) ? r.ToString("0.00", s_culture) + "x" : "-")
                .Append(" | ").Append(Bytes(report, units)).Append(" (").Append(Bytes(floor, units)).Append(')')
                .Append(" | ").Append(Verdict(report, floor, units, ratio)).AppendLine(" |");
        }
    }

    private static double Units(Type type, ParameterInstances parameters) =>
        (double)(type.GetMethod("UnitsPerOperation", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type.Name} has no static UnitsPerOperation."))
            .Invoke(null, [parameters])!;

    private static double? Mean(BenchmarkReport? report) => report?.ResultStatistics?.Mean;

    private static double? AllocatedPerUnit(BenchmarkReport? report, double units) =>
        report?.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? bytes / units : null;

    private static string Bytes(BenchmarkReport? report, double units) =>
        AllocatedPerUnit(report, units) is { } bytes ? bytes.ToString(bytes < 10 ? "0.0" : "N0", s_culture) + " B" : "-";

    private static string Value(BenchmarkReport? report, UnitAttribute unit, double units)
    {
        if (report is null || Mean(report) is not { } nanoseconds)
        {
            return "-";
        }

        if (unit.Peak)
        {
            return PeakMemory.Read(PeakMemoryColumn.Key(report.BenchmarkCase)) is { } peak
                ? $"{peak / (1024.0 * 1024.0):N0} MiB ({peak / units:N0} B/{unit.Name})"
                : "-";
        }

        double perUnit = nanoseconds / units;
        return unit.PerSecond ? $"{1e9 / perUnit:N0} {unit.Name}s/s"
            : perUnit < 10_000 ? $"{perUnit.ToString("N1", s_culture)} ns"
            : $"{(perUnit / 1000).ToString("N1", s_culture)} us";
    }

    private static string Verdict(BenchmarkReport report, BenchmarkReport? floor, double units, double? ratio)
    {
        string parameters = report.BenchmarkCase.Parameters.DisplayInfo;
        TargetAttribute? target = report.BenchmarkCase.Descriptor.WorkloadMethod.GetCustomAttributes<TargetAttribute>()
            .FirstOrDefault(t => t.When is null || parameters.Contains(t.When, StringComparison.Ordinal));
        if (target is null)
        {
            return "-";
        }

        var missed = new List<string>();
        var goals = new List<string>();
        if (!double.IsPositiveInfinity(target.Ratio))
        {
            goals.Add($"<= {target.Ratio:0.##}x");
            if (ratio is not { } r || r > target.Ratio)
            {
                missed.Add("time");
            }
        }

        double? allocated = AllocatedPerUnit(report, units);
        if (!double.IsNaN(target.Bytes))
        {
            goals.Add($"<= {target.Bytes:0} B");
            if (allocated is not { } a || a > target.Bytes)
            {
                missed.Add("alloc");
            }
        }

        if (!double.IsNaN(target.BytesOverBaseline))
        {
            goals.Add("alloc as floor");
            if (allocated is not { } a || a > (AllocatedPerUnit(floor, units) ?? 0) + target.BytesOverBaseline)
            {
                missed.Add("alloc");
            }
        }

        if (!double.IsNaN(target.PeakBytes))
        {
            goals.Add($"peak < {target.PeakBytes / (1 << 30):0} GiB");
            if (PeakMemory.Read(PeakMemoryColumn.Key(report.BenchmarkCase)) is not { } peak || peak >= target.PeakBytes)
            {
                missed.Add("peak");
            }
        }

        string goal = string.Join(", ", goals);
        return missed.Count == 0 ? $"{goal}: holds" : $"{goal}: not met ({string.Join(", ", missed)})";
    }
}
