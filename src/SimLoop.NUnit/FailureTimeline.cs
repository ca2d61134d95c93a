using System;
using System.IO;
using System.Threading;
using NUnit.Framework;

namespace SimLoop;

// Where a timeline picture of the failing seed joins its report. The re-run of a failing seed hands the writer the
// finished simulation and the exception; the path it returns goes into the report as "Timeline: <path>" and the file
// is attached to the NUnit result (TestContext.AddTestAttachment), so CI keeps it. By default the picture goes to
// simloop-timelines/ in the test's work directory, one file per test, seed and strategy.
internal static class FailureTimeline
{
    private static readonly AsyncLocal<Func<Simulation, Exception, string?>?> s_override = new();

    /// <summary>Gets the writer of a failing seed's timeline: it returns the file's path, or null when it wrote none.</summary>
    public static Func<Simulation, Exception, string?>? Writer => s_override.Value ?? DefaultWriter;

    private static Func<Simulation, Exception, string?>? DefaultWriter { get; } = WriteToWorkDirectory;

    // Test seam: a writer for the calling flow only, so tests of the mechanics run in parallel with everything else.
    public static IDisposable Use(Func<Simulation, Exception, string?> writer)
    {
        s_override.Value = writer;
        return new Restore();
    }

    // Runs the writer on a failed re-run; a writer that throws costs the report its picture, never the report.
    public static string? Write(Simulation sim, Exception failure)
    {
        if (Writer is not { } writer)
        {
            return null;
        }

        try
        {
            return writer(sim, failure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    // Attaches the file to the current NUnit test's result, if there is one and the file exists.
    public static bool Attach(string path, long seed)
    {
        if (!File.Exists(path) || TestContext.CurrentContext?.Test?.Name is null)
        {
            return false;
        }

        try
        {
            TestContext.AddTestAttachment(path, $"SimLoop timeline of seed {seed}");
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string WriteToWorkDirectory(Simulation sim, Exception failure)
    {
        string folder = System.IO.Path.Combine(TestContext.CurrentContext?.WorkDirectory ?? System.IO.Path.GetTempPath(),
            "simloop-timelines");
        string test = TestContext.CurrentContext?.Test?.FullName ?? "simulation";
        string name = $"{FileName(test)}.seed{sim.Seed}.{sim.Options.Strategy}.html";
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, name);
        sim.WriteTimeline(path, failure);
        return path;
    }

    // A test's full name as a file name: what a file system would refuse becomes '_', and long names are cut.
    private static string FileName(string test)
    {
        char[] refused = System.IO.Path.GetInvalidFileNameChars();
        var name = new System.Text.StringBuilder(test.Length);
        foreach (char c in test)
        {
            name.Append(Array.IndexOf(refused, c) >= 0 || c is '"' or '<' or '>' or '|' or ':' or '*' or '?' ? '_' : c);
        }

        return name.Length > 120 ? name.ToString(0, 120) : name.ToString();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => s_override.Value = null;
    }
}
