using System.Runtime.InteropServices;

namespace SimLoop.BugBench.Report;

/// <summary>One line describing the machine the benchmark ran on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        string cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            string? model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            cpu = model is null ? cpu : model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        return $"{cpu}, {Environment.ProcessorCount} logical cores; {RuntimeInformation.OSDescription}; " +
            $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}";
    }
}
