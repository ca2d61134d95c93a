using System.Diagnostics;
using System.Globalization;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace SimLoop.BugBench.Coyote;

/// <summary>One seed range searched by Coyote's TestingEngine: iterations until the first bug, and the wall time.</summary>
/// <param name="Bug">The bug's name.</param>
/// <param name="Strategy">"random" or "prioritization".</param>
/// <param name="Range">The range: Coyote's generator is seeded with range x 100,000.</param>
/// <param name="Iterations">Iterations run, including the failing one; the cap when nothing failed.</param>
/// <param name="Found">Whether the bug was found, as its expected failure.</param>
/// <param name="Elapsed">Wall time of the search, engine creation included.</param>
/// <param name="Report">Coyote's first bug report, or an empty string.</param>
internal sealed record CoyoteSearch(string Bug, string Strategy, int Range, long Iterations, bool Found, TimeSpan Elapsed, string Report)
{
    public static CoyoteSearch Run(Func<IPort> make, string strategy, int range, int cap)
    {
        Configuration configuration = Configuration.Create()
            .WithTestingIterations((uint)cap)
            .WithRandomGeneratorSeed((uint)(range * 100_000))
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTelemetryEnabled(false);
        configuration = strategy switch
        {
            "random" => configuration.WithRandomStrategy(),
            "prioritization" => configuration.WithPrioritizationStrategy(),
            _ => throw new ArgumentException($"Unknown Coyote strategy '{strategy}'.", nameof(strategy)),
        };
        string name = make().Name;
        string failure = make().Failure;
        var watch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, () => make().Run());
        engine.Run();
        watch.Stop();
        TestReport report = engine.TestReport;
        long iterations = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths;
        string first = report.BugReports.FirstOrDefault() ?? string.Empty;
        bool found = report.NumOfFoundBugs > 0 && first.Contains(failure, StringComparison.Ordinal);
        return new CoyoteSearch(name, strategy, range, iterations, found, watch.Elapsed, first);
    }

    /// <summary>One tab-separated line: bug, strategy, range, iterations, found, milliseconds, report.</summary>
    public string ToLine() => string.Join('\t', Bug, Strategy, Range.ToString(CultureInfo.InvariantCulture),
        Iterations.ToString(CultureInfo.InvariantCulture), Found ? "found" : "none",
        Elapsed.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture),
        Report.ReplaceLineEndings(" ").Replace('\t', ' '));
}
