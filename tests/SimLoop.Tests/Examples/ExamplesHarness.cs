using SimLoop.Examples.Cli;
using SimLoop.Examples.Notes;

namespace SimLoop.Tests.Examples;

// What the examples' tests share: running the CLI in-process, running a note directly under the core (the
// independent oracle the CLI's output is checked against), reading the golden files, finding the repository.
internal static class ExamplesHarness
{
    public static IEnumerable<string> NoteNames => Note.Names;

    public static CliResult RunCli(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = ExamplesApp.Run(args, stdout, stderr, new SteppingWallClock());
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a note in a simulation of its own, printing to a plain writer: no CLI code involved.</summary>
    public static (string Text, Simulation Sim) RunNote(string name, SimulationOptions? options = null)
    {
        Note note = Note.Find(name) ?? throw new ArgumentException($"no note '{name}'", nameof(name));
        var sim = new Simulation(options);
        using var output = new StringWriter { NewLine = "\n" };
        sim.Run(() => note.Main(output));
        return (output.ToString(), sim);
    }

    public static string[] Lines(string text) =>
        text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');

    /// <summary>The golden file as the build copied it next to the tests (Notes/{name}.out).</summary>
    public static string GoldenPath(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Notes", name + ".out");

    public static string[] GoldenLines(string name) => Lines(File.ReadAllText(GoldenPath(name)));

    /// <summary>The lines between a program's "== name" heading and the blank line that ends its block.</summary>
    public static string[] ProgramBlock(string stdout, string name)
    {
        string[] lines = Lines(stdout);
        int heading = Array.FindIndex(lines, l => l.StartsWith($"== {name}:", StringComparison.Ordinal) ||
            l.StartsWith($"== {name} (", StringComparison.Ordinal));
        Assert.That(heading, Is.GreaterThanOrEqualTo(0), $"no heading for {name} in:\n{stdout}");
        return [.. lines.Skip(heading + 1).TakeWhile(l => l.Length > 0)];
    }

    /// <summary>The repository's root (the folder holding SimLoop.sln), found upwards from the test's folder.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null;
             folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SimLoop.sln")))
            {
                return folder;
            }
        }

        Assert.Fail($"SimLoop.sln not found above {TestContext.CurrentContext.TestDirectory}");
        throw new InvalidOperationException("unreachable");
    }

    internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

    // A wall clock that moves 1 ms per reading, so the summary's wall time column is the same on every run.
    private sealed class SteppingWallClock : TimeProvider
    {
        private long _readings;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => _readings++;
    }
}
