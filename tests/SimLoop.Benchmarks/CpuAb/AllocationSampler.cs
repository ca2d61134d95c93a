using System.Diagnostics.Tracing;
using System.Globalization;

namespace SimLoop.Benchmarks.CpuAb;

// `--alloc <workload> <batches>`: what a workload allocates, by type. The runtime reports a sample every ~100 KB
// allocated (GCAllocationTick, with the type of the object that crossed the mark), so over many runs each type's
// share of the samples is its share of the bytes. Prints bytes per unit by type (the shares times the measured total).
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytesByType = [];
    private readonly object _gate = new();
    private volatile bool _on;

    public static void Run(string workload, string side, int batches)
    {
        Func<long> batch = side == "baseline" ? CpuWorkloads.Baseline(workload) : CpuWorkloads.SimLoop(workload);
        for (int i = 0; i < 3; i++)
        {
            batch();
        }

        using var sampler = new AllocationSampler();
        long units = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        sampler._on = true;
        for (int i = 0; i < batches; i++)
        {
            units += batch();
        }

        sampler._on = false;
        double perUnit = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)units;
        sampler.Report(workload, side, perUnit);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!_on || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)
            || data.PayloadNames is null)
        {
            return;
        }

        int typeAt = data.PayloadNames.IndexOf("TypeName");
        int amountAt = data.PayloadNames.IndexOf("AllocationAmount64");
        string type = typeAt >= 0 ? data.Payload![typeAt] as string ?? "?" : "?";
        long amount = amountAt >= 0 ? Convert.ToInt64(data.Payload![amountAt], CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    private void Report(string workload, string side, double bytesPerUnit)
    {
        long sampled;
        KeyValuePair<string, long>[] rows;
        lock (_gate)
        {
            sampled = _bytesByType.Values.Sum();
            rows = [.. _bytesByType.OrderByDescending(r => r.Value)];
        }

        Console.WriteLine(FormattableString.Invariant($"{workload} ({side}): {bytesPerUnit:F0} B per unit, {sampled / 1e6:F0} MB sampled"));
        foreach ((string type, long bytes) in rows.Where(r => r.Value * 200 >= sampled))
        {
            Console.WriteLine(FormattableString.Invariant($"  {bytesPerUnit * bytes / sampled,8:F0} B  {type}"));
        }
    }
}
