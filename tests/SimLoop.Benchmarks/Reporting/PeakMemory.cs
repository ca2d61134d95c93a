namespace SimLoop.Benchmarks.Reporting;

// The peak of live managed memory a benchmark reaches, measured inside the benchmark process (a full collection
// at the peak) and handed to the host process through a file, since BenchmarkDotNet runs each case in its own process.
public static class PeakMemory
{
    private static readonly string s_folder = Path.Combine(Path.GetTempPath(), "simloop-benchmarks");

    public static long Baseline() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>Records the live memory now, above <paramref name="baseline"/>, keeping the largest per key.</summary>
    public static long Sample(string key, long baseline)
    {
        long live = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        Directory.CreateDirectory(s_folder);
        string path = Path.Combine(s_folder, key + ".peak");
        long previous = Read(key) ?? 0;
        if (live > previous)
        {
            File.WriteAllText(path, live.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return live;
    }

    public static long? Read(string key)
    {
        string path = Path.Combine(s_folder, key + ".peak");
        return File.Exists(path) && long.TryParse(File.ReadAllText(path), System.Globalization.CultureInfo.InvariantCulture, out long value)
            ? value
            : null;
    }

    public static void Clear()
    {
        if (Directory.Exists(s_folder))
        {
            Directory.Delete(s_folder, recursive: true);
        }
    }
}
