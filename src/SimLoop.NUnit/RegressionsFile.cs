using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace SimLoop;

// Seeds that failed once, kept beside the test project (proptest's proptest-regressions/), committed by the user
// and replayed before the seed range on every later run, so a schedule CI found once is checked forever.
// One file per fixture, one line per seed: "<test> seed=<n> strategy=<Fifo|Random|Pct>", then an optional
// "# comment" (the failure it recorded). A line that is neither that, blank, nor a comment is an error naming its
// line: a bad merge must not silently drop a regression.
internal sealed class RegressionsFile
{
    public const string FolderName = "simloop-regressions";

    private const string Header =
        "# SimLoop regressions: seeds that failed once. Every run replays them first. Commit this file.\n" +
        "# Format: <test> seed=<integer> strategy=<Fifo|Random|Pct>  # what failed\n";

    // An object, not System.Threading.Lock: the package also targets .NET 8, which has no Lock type.
    private static readonly object s_appendLock = new();

    public RegressionsFile(string path, string displayName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        DisplayName = displayName;
    }

    public string Path { get; }

    public string DisplayName { get; }

    /// <summary>The file for <paramref name="fixture"/> in the project folder above its assembly, or null when
    /// no project file is found there (tests run from a published folder).</summary>
    public static RegressionsFile? Beside(Type fixture, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        string? directory = projectDirectory ?? FindProjectDirectory(System.IO.Path.GetDirectoryName(fixture.Assembly.Location));
        if (directory is null)
        {
            return null;
        }

        string name = (fixture.FullName ?? fixture.Name) + ".txt";
        return new RegressionsFile(System.IO.Path.Combine(directory, FolderName, name), FolderName + "/" + name);
    }

    /// <summary>The recorded seeds of <paramref name="test"/>, in file order.</summary>
    /// <exception cref="InvalidOperationException">A line is malformed (the message names the file and line).</exception>
    public IReadOnlyList<SeedCase> Read(string test)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var cases = new List<SeedCase>();
        string[] lines = File.ReadAllLines(Path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (Parse(lines[i], i + 1) is { } entry && entry.Test == test)
            {
                cases.Add(new SeedCase(entry.Seed, entry.Strategy, $"{DisplayName} line {i + 1}"));
            }
        }

        return cases;
    }

    /// <summary>Appends the failing seed of <paramref name="test"/> unless the file has it already.</summary>
    /// <returns>Whether a line was added.</returns>
    public bool Append(string test, SeedOutcome failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        lock (s_appendLock)
        {
            if (Read(test).Any(c => c.Seed == failure.Case.Seed && c.Strategy == failure.Case.Strategy))
            {
                return false;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            string what = failure.Exception is { } e ? $"{e.GetType().Name}: {FirstLine(e.Message)}" : "failed";
            string line = string.Create(CultureInfo.InvariantCulture,
                $"{test} seed={failure.Case.Seed} strategy={failure.Case.Strategy}  # {what}\n");
            File.AppendAllText(Path, File.Exists(Path) ? line : Header + line);
            return true;
        }
    }

    private (string Test, long Seed, ScheduleStrategy Strategy)? Parse(string line, int number)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        string content = (hash >= 0 ? line[..hash] : line).Trim();
        if (content.Length == 0)
        {
            return null;
        }

        string[] fields = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 3
            && fields[1].StartsWith("seed=", StringComparison.Ordinal)
            && long.TryParse(fields[1].AsSpan(5), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed)
            && fields[2].StartsWith("strategy=", StringComparison.Ordinal)
            && Enum.TryParse(fields[2].AsSpan(9), ignoreCase: false, out ScheduleStrategy strategy)
            && Enum.IsDefined(strategy)
            && !char.IsAsciiDigit(fields[2][9]))
        {
            return (fields[0], seed, strategy);
        }

        throw new InvalidOperationException(
            $"{DisplayName} line {number} is not a regression: expected '<test> seed=<integer> strategy=<Fifo|Random|Pct>' " +
            $"(optionally followed by '# comment'), found '{line}'. Fix or delete the line ({Path}).");
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        string first = end >= 0 ? text[..end] : text;
        return first.Length > 120 ? first[..117] + "..." : first;
    }

    private static string? FindProjectDirectory(string? start)
    {
        for (DirectoryInfo? directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.??proj").Any())
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
