using System.Diagnostics;
using System.Globalization;
using SimLoop.BugBench;
using SimLoop.BugBench.Report;
using SimLoop.BugBench.Runner;

// The bug-finding benchmark. `dotnet run -c Release --project tests/SimLoop.BugBench -- --report docs/bug-benchmark.md
// --example docs/README-bugs.md --coyote run` regenerates the report; without --report it prints the tables to the
// console; without --coyote run it measures SimLoop alone.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(
            "usage: SimLoop.BugBench [--report PATH] [--example PATH] [--ranges 20] [--cap 10000] [--replays 100] " +
            "[--threads N] [--bugs a,b] [--strategies Fifo,Random,Pct,Portfolio] [--first-range 0] [--coyote run] [--coyote-cap 1000] " +
            "[--rates Random,Pct:2,Portfolio=pos] [--seeds FIRST:COUNT [--trace 1]]");
        return 2;
    }

    options[args[i][2..]] = args[++i];
}

int Number(string name, int fallback) =>
    options.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var plan = new BenchmarkPlan(
    options.TryGetValue("bugs", out string? bugs) ? [.. bugs.Split(',').Select(BugCatalog.Find)] : BugCatalog.All,
    options.TryGetValue("strategies", out string? strategies)
        ? [.. strategies.Split(',').Select(Enum.Parse<ScheduleStrategy>)]
        : [ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct, ScheduleStrategy.Portfolio],
    Ranges: Number("ranges", 20), Cap: Number("cap", 10_000), Replays: Number("replays", 100),
    // One thread a core: a deadlock is reported without waiting, so more threads would only share cores, and each
    // search's wall time would carry the others' (Coyote's two processes get a core each).
    Threads: Number("threads", Environment.ProcessorCount),
    CoyoteCap: options.TryGetValue("coyote", out string? coyoteMode) && coyoteMode == "run" ? Number("coyote-cap", 1_000) : 0)
{
    FirstRange = Number("first-range", 0),
};

if (plan.FirstRange > 0 && plan.CoyoteCap > 0)
{
    Console.Error.WriteLine("--first-range measures SimLoop alone: Coyote's runner covers ranges from 0.");
    return 2;
}

if (options.TryGetValue("rates", out string? variants))
{
    // Diagnosis: seeds to the first failure per bug under strategies and Pct depths (Random,Pct:2,Pct:3,Portfolio).
    Rates.Run(plan.Bugs, variants.Split(','), plan.FirstRange, plan.Ranges, plan.Cap, plan.Threads, Console.Out);
    return 0;
}

if (options.TryGetValue("seeds", out string? seeds))
{
    // Diagnosis: run each seed of FIRST:COUNT once per bug and strategy, printing how it ended.
    string[] span = seeds.Split(':');
    long first = long.Parse(span[0], CultureInfo.InvariantCulture);
    foreach (IBug bug in plan.Bugs)
    {
        foreach (ScheduleStrategy strategy in plan.Strategies)
        {
            for (long seed = first; seed < first + int.Parse(span[1], CultureInfo.InvariantCulture); seed++)
            {
                var watch = Stopwatch.StartNew();
                (Simulation sim, Exception? error) = BugRun.Once(bug, BugRun.Search(strategy, seed) with { MaxSteps = 100_000, TraceCapacity = 10_000 });
                Console.WriteLine($"{bug.Name} {strategy} seed {seed}: {(error is null ? "ok" : BugRun.Describe(error))} " +
                    $"({sim.Steps} steps, {watch.Elapsed.TotalMilliseconds:F1} ms)");
                if (options.ContainsKey("trace"))
                {
                    foreach (TraceEntry entry in sim.Trace)
                    {
                        Console.WriteLine($"  {entry}");
                    }
                }
            }
        }
    }

    return 0;
}

var stopwatch = Stopwatch.StartNew();
IReadOnlyList<BugResult> results = Benchmark.Run(plan, line => Console.Error.WriteLine(line));
// Coyote runs after SimLoop, not beside it, so neither's wall time carries the other's load.
IReadOnlyList<CoyoteResult>? coyote = plan.CoyoteCap > 0
    ? CoyoteRun.Run(plan.Bugs, plan.Ranges, plan.CoyoteCap, line => Console.Error.WriteLine(line))
    : null;
stopwatch.Stop();
string command = "dotnet run -c Release --project tests/SimLoop.BugBench -- " + string.Join(' ', args);
var report = new ReportWriter(plan, results, coyote, command, stopwatch.Elapsed);
if (options.TryGetValue("report", out string? path))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    File.WriteAllText(path, report.Report());
    Console.WriteLine($"wrote {path} in {stopwatch.Elapsed.TotalSeconds:F0} s");
}
else
{
    Console.WriteLine(report.Targets());
    Console.WriteLine(report.Tables());
    Console.WriteLine(report.AnomalyList());
}

if (options.TryGetValue("example", out string? example))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(example))!);
    File.WriteAllText(example, report.Example());
    Console.WriteLine($"wrote {example}");
}

return 0;
