using System.Diagnostics;
using System.Globalization;

namespace SimLoop.Benchmarks.CpuAb;

// `--cpu-ab <rounds> <samples> <workload,...> <variant> [<variant> ...]`: runs `--cpu` in a fresh process per variant
// and round, the variants' order rotating each round, so a change in the machine's load falls on every variant alike.
// A variant is the value of SIMLOOP_ABLATE in that process ("base": unset); the core reads it only when built with the
// ablation switches (tests/SimLoop.Benchmarks/CpuAb/ablation.patch), otherwise every variant is the same core and
// the spread between them is the harness's own noise. Floor workloads run in the first variant's process only.
// Prints, per workload and variant, the median over rounds of each process's median CPU ns per unit, the interquartile
// range, and the median of the paired per-round differences from the first variant.
internal static class CpuAbDriver
{
    public static void Run(int rounds, int samples, string workloads, IReadOnlyList<string> variants)
    {
        string[] names = workloads.Split(',');
        var results = new Dictionary<(string Workload, string Variant), List<Dictionary<string, double>>>();
        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < variants.Count; k++)
            {
                string variant = variants[(k + round) % variants.Count];
                string[] mine = variant == variants[0] ? names : names.Where(n => !n.StartsWith("floor-", StringComparison.Ordinal)).ToArray();
                if (mine.Length == 0)
                {
                    continue;
                }

                foreach ((string workload, Dictionary<string, double> values) in RunChild(variant, mine, samples))
                {
                    Add(results, (workload, variant), values);
                }
            }

            Console.Error.WriteLine($"round {round + 1}/{rounds} done, load {LoadAverage()}");
        }

        Report(names, variants, results);
    }

    private static void Add(Dictionary<(string, string), List<Dictionary<string, double>>> results, (string, string) key,
        Dictionary<string, double> values)
    {
        if (!results.TryGetValue(key, out List<Dictionary<string, double>>? list))
        {
            results[key] = list = [];
        }

        list.Add(values);
    }

    private static IEnumerable<(string Workload, Dictionary<string, double> Values)> RunChild(string variant, string[] workloads,
        int samples)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        string entry = typeof(CpuAbDriver).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals(Path.GetFileNameWithoutExtension(entry), StringComparison.Ordinal))
        {
            start.ArgumentList.Add(entry); // run as `dotnet SimLoop.Benchmarks.dll`
        }

        foreach (string argument in (string[])["--cpu", string.Join(',', workloads), samples.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SIMLOOP_ABLATE"] = variant == "base" ? string.Empty : variant;
        using Process child = Process.Start(start)!;
        var lines = new List<string>();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"--cpu for variant {variant} exited with {child.ExitCode}");
        }

        foreach (string line in lines.Where(l => l.StartsWith("CPU ", StringComparison.Ordinal)))
        {
            string[] parts = line.Split(' ');
            yield return (parts[1], parts.Skip(2).Select(p => p.Split('='))
                .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture)));
        }
    }

    private static void Report(string[] workloads, IReadOnlyList<string> variants,
        Dictionary<(string Workload, string Variant), List<Dictionary<string, double>>> results)
    {
        Console.WriteLine("| workload | variant | CPU ns/unit (median) | IQR | paired change vs first | B/unit | gen0/M units | wall ns/unit |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (string workload in workloads)
        {
            foreach (string variant in variants)
            {
                if (!results.TryGetValue((workload, variant), out List<Dictionary<string, double>>? rows))
                {
                    continue;
                }

                double[] cpu = rows.Select(r => r["cpu_ns"]).ToArray();
                string paired = "-";
                if (variant != variants[0] && results.TryGetValue((workload, variants[0]), out List<Dictionary<string, double>>? first))
                {
                    double[] differences = cpu.Zip(first, (mine, theirs) => mine - theirs["cpu_ns"]).ToArray();
                    paired = CpuSampler.Median(differences).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
                }

                FormattableString line = $"| {workload} | {variant} | {CpuSampler.Median(cpu):F2} | {Quantile(cpu, 0.25):F2}-{Quantile(cpu, 0.75):F2} | {paired} | {Median(rows, "bytes"):F1} | {Median(rows, "gen0_per_M"):F1} | {Median(rows, "wall_ns"):F2} |";
                Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private static double Median(List<Dictionary<string, double>> rows, string key) => CpuSampler.Median(rows.Select(r => r[key]).ToArray());

    private static double Quantile(double[] values, double q)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
