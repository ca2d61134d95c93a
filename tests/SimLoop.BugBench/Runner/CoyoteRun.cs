using System.Diagnostics;
using System.Globalization;

namespace SimLoop.BugBench.Runner;

/// <summary>Runs the Coyote ports (tests/SimLoop.BugBench.Coyote) for the same bugs and ranges: builds the project,
/// restores the Coyote tool, rewrites a copy of the build with `coyote rewrite`, then runs Coyote's TestingEngine in that
/// rewritten assembly's own process, one process per strategy, and reads back one line per range.</summary>
internal static class CoyoteRun
{
    public static readonly string[] Strategies = ["random", "prioritization"];

    private const string Project = "tests/SimLoop.BugBench.Coyote";
    private const string Assembly = "SimLoop.BugBench.Coyote.dll";

    public static IReadOnlyList<CoyoteResult> Run(IReadOnlyList<IBug> bugs, int ranges, int cap, Action<string> progress)
    {
        string root = RepositoryRoot();
        string build = Path.Combine(root, Project, "bin", "Release", "net10.0");
        string rewritten = Path.Combine(root, Project, "obj", "coyote-rewritten");
        Execute(root, progress, "dotnet", "build", $"{Project}/SimLoop.BugBench.Coyote.csproj", "-c", "Release", "-m:1", "-nologo", "-v:q");
        Execute(root, progress, "dotnet", "tool", "restore");
        if (Directory.Exists(rewritten))
        {
            Directory.Delete(rewritten, recursive: true);
        }

        CopyDirectory(build, rewritten);
        // The Coyote tool targets net8.0; rolling forward lets it run (and rewrite) on the only runtime installed.
        Execute(root, progress, "dotnet", "coyote", "rewrite", Path.Combine(rewritten, Assembly));
        string names = string.Join(',', bugs.Select(b => b.Name));
        var runs = Strategies.Select(strategy =>
        {
            string output = Path.Combine(rewritten, $"{strategy}.tsv");
            Process process = Start(root, progress, "dotnet", Path.Combine(rewritten, Assembly), "--bugs", names,
                "--strategies", strategy, "--ranges", ranges.ToString(CultureInfo.InvariantCulture),
                "--cap", cap.ToString(CultureInfo.InvariantCulture), "--out", output);
            return (Strategy: strategy, Process: process, Output: output);
        }).ToList();
        foreach (var run in runs)
        {
            Finish(run.Process, "the Coyote runner");
        }

        return [.. runs.SelectMany(run => Parse(File.ReadAllLines(run.Output), run.Strategy))];
    }

    private static IEnumerable<CoyoteResult> Parse(string[] lines, string strategy) =>
        lines.Select(line => line.Split('\t'))
            .GroupBy(fields => fields[0])
            .Select(group => new CoyoteResult(group.Key, strategy, [.. group
                .OrderBy(fields => int.Parse(fields[2], CultureInfo.InvariantCulture))
                .Select(fields => new CoyoteRange(
                    long.Parse(fields[3], CultureInfo.InvariantCulture),
                    fields[4] == "found",
                    TimeSpan.FromMilliseconds(double.Parse(fields[5], CultureInfo.InvariantCulture)),
                    fields.Length > 6 ? fields[6] : string.Empty))]));

    private static void Execute(string root, Action<string> progress, string file, params string[] arguments) =>
        Finish(Start(root, progress, file, arguments), string.Join(' ', arguments.Take(3)));

    private static Process Start(string root, Action<string> progress, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        // Coyote's engine narrates every iteration on standard output; only the progress lines on standard error matter.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                progress(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Finish(Process process, string what)
    {
        process.WaitForExit();
        int code = process.ExitCode;
        process.Dispose();
        if (code != 0)
        {
            throw new InvalidOperationException($"{what} exited with code {code}.");
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"No build of the Coyote ports at {source}.");
        }

        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SimLoop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: SimLoop.sln was not found above the current directory.");
    }
}
