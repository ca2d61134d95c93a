using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SimLoop.Benchmarks.Reporting;

// `dotnet run -c Release --project tests/SimLoop.Benchmarks -- --readme docs/performance.md` runs every
// benchmark and rewrites the performance table in that file. Without --readme the table is only printed and written
// to BenchmarkDotNet.Artifacts/results/performance-table.md. Other arguments go to BenchmarkDotNet (--filter, ...).
var arguments = new List<string>(args);
if (arguments.Count == 3 && arguments[0] == "--profile")
{
    ProfileLoop.Run(arguments[1], double.Parse(arguments[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (arguments.Count >= 3 && arguments[0] == "--cpu-ab")
{
    SimLoop.Benchmarks.CpuAb.CpuAb.Run(arguments[1], int.Parse(arguments[2], System.Globalization.CultureInfo.InvariantCulture),
        arguments[3..]);
    return;
}

if (arguments.Count == 3 && arguments[0] == "--cpu-seeds")
{
    SimLoop.Benchmarks.CpuAb.CpuSeeds.Run(arguments[1], int.Parse(arguments[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (arguments.Count == 4 && arguments[0] == "--alloc")
{
    SimLoop.Benchmarks.CpuAb.AllocationSampler.Run(arguments[1], arguments[2], int.Parse(arguments[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

string? readme = null;
int readmeAt = arguments.IndexOf("--readme");
if (readmeAt >= 0)
{
    readme = Path.GetFullPath(arguments[readmeAt + 1]);
    arguments.RemoveRange(readmeAt, 2);
}

if (!arguments.Contains("--filter") && !arguments.Contains("--list") && !arguments.Contains("--help"))
{
    arguments.AddRange(["--filter", "*"]);
}

PeakMemory.Clear();
List<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(PeakMemory).Assembly).Run([.. arguments]).ToList();
if (summaries.Count == 0)
{
    return;
}

string table = ReadmeTable.Build(summaries);
Console.WriteLine(table);
string results = summaries[0].ResultsDirectoryPath;
Directory.CreateDirectory(results);
File.WriteAllText(Path.Combine(results, "performance-table.md"), table);
if (readme is not null)
{
    ReadmeFile.ReplaceTable(readme, table);
    Console.WriteLine($"Wrote the table into {readme}");
}
