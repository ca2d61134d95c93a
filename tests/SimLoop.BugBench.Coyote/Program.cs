using System.Globalization;
using SimLoop.BugBench.Coyote;

// Runs Coyote's TestingEngine over the ports, in this process, after `coyote rewrite` has rewritten this assembly.
// Prints one tab-separated line per (bug, strategy, range) to --out (or the console); SimLoop.BugBench reads them.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

if (args.Length % 2 != 0 || !options.TryGetValue("bugs", out string? bugs))
{
    Console.Error.WriteLine("usage: SimLoop.BugBench.Coyote --bugs a,b [--strategies random,prioritization] [--ranges 20] [--cap 10000] [--out PATH]");
    return 2;
}

string[] strategies = options.GetValueOrDefault("strategies", "random,prioritization").Split(',');
int ranges = int.Parse(options.GetValueOrDefault("ranges", "20"), CultureInfo.InvariantCulture);
int cap = int.Parse(options.GetValueOrDefault("cap", "10000"), CultureInfo.InvariantCulture);
// Warm up: the first engine in a process pays for loading and compiling Coyote; no search should carry that.
_ = CoyoteSearch.Run(PortCatalog.Find(bugs.Split(',')[0]), strategies[0], range: 0, cap: 1);
using TextWriter output = options.TryGetValue("out", out string? path) ? new StreamWriter(path) : Console.Out;
foreach (string bug in bugs.Split(','))
{
    Func<IPort> make = PortCatalog.Find(bug);
    foreach (string strategy in strategies)
    {
        for (int range = 0; range < ranges; range++)
        {
            CoyoteSearch search = CoyoteSearch.Run(make, strategy, range, cap);
            output.WriteLine(search.ToLine());
            output.Flush();
            Console.Error.WriteLine($"coyote {bug} {strategy} range {range}: {(search.Found ? "found after" : "not found in")} {search.Iterations} ({search.Elapsed.TotalMilliseconds:F0} ms)");
        }
    }
}

return 0;
