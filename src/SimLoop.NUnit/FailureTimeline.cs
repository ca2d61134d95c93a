using System;
using System.IO;
using System.Threading;
using NUnit.Framework;

namespace SimLoop;

// The seam where a timeline picture of the failing seed joins its report. When Writer is set, the re-run of a
// failing seed hands it the finished simulation and the exception; the path it returns goes into the report as
// "Timeline: <path>" and the file is attached to the NUnit result (TestContext.AddTestAttachment), so CI keeps it.
// TIMELINE SEAM: the timeline writer plugs in here with one line, e.g.
//   Writer = static (sim, failure) => { string path = ...; sim.WriteTimeline(path, failure); return path; };
internal static class FailureTimeline
{
    private static readonly AsyncLocal<Func<Simulation, Exception, string?>?> s_override = new();

    /// <summary>Gets the writer of a failing seed's timeline: it returns the file's path, or null when it wrote none.</summary>
    public static Func<Simulation, Exception, string?>? Writer => s_override.Value ?? DefaultWriter;

    // Null until the timeline picture exists: no file, no "Timeline:" line, no attachment.
    private static Func<Simulation, Exception, string?>? DefaultWriter => null;

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

    private sealed class Restore : IDisposable
    {
        public void Dispose() => s_override.Value = null;
    }
}
