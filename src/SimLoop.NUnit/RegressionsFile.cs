using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace SimLoop;

// Seeds that failed once, kept beside the test project (proptest's proptest-regressions/), committed by the user
// and replayed before the seed range on every later run, so a schedule CI found once is checked forever.
// One file per fixture, one line per seed: "<test> seed=<n> strategy=<Fifo|Random|Pct|Portfolio>", then
// "pct-steps=<n>" when the seed's Pct ran over a horizon its options did not set, then an optional
// "# comment" (the failure it recorded). A line that is neither that, blank, nor a comment is an error naming its
// line: a bad merge must not silently drop a regression. Test names are escaped (RegressionName), so any name the
// writer writes, the reader reads back. Appends hold an exclusive OS lock on the file (FileShare.None), so two
// processes (CI shards sharing a checkout, parallel test assemblies) never lose or duplicate a line.
internal sealed class RegressionsFile
{
    public const string FolderName = "simloop-regressions";

    private const string Header =
        "# SimLoop regressions: seeds that failed once. Every run replays them first. Commit this file.\n" +
        "# Format: <test> seed=<integer> strategy=<Fifo|Random|Pct|Portfolio> [pct-steps=<integer>]  # what failed\n";

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

        // FileShare.Read takes a shared lock: it waits while an append holds the exclusive one.
        using FileStream stream = FileLock.Open(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Cases(ReadLines(stream), test);
    }

    /// <summary>Appends the failing seed of <paramref name="test"/> unless the file has it already.</summary>
    /// <returns>Whether a line was added.</returns>
    /// <exception cref="IOException">The file cannot be created, locked or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder is not writable.</exception>
    public bool Append(string test, SeedOutcome failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

        // Read, check and write under one exclusive lock, so a line another process appended in between is seen.
        using FileStream stream = FileLock.Open(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        string[] lines = ReadLines(stream);
        if (Cases(lines, test).Any(c => c.Seed == failure.Case.Seed && c.Strategy == failure.Case.Strategy))
        {
            return false;
        }

        string what = failure.Exception is { } e ? $"{e.GetType().Name}: {FirstLine(e.Message)}" : "failed";
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{RegressionName.Escape(test)} seed={failure.Case.Seed} strategy={failure.Case.Strategy}" +
            $"{(failure.Case.PctSteps > 0 ? $" pct-steps={failure.Case.PctSteps}" : "")}  # {what}\n");
        string text = stream.Length == 0 ? Header + line : EndsWithNewLine(stream) ? line : "\n" + line;
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
        return true;
    }

    private static string[] ReadLines(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return reader.ReadToEnd().Split('\n').Select(static l => l.TrimEnd('\r')).ToArray();
    }

    private static bool EndsWithNewLine(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private List<SeedCase> Cases(string[] lines, string test)
    {
        var cases = new List<SeedCase>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (Parse(lines[i], i + 1) is { } entry && entry.Test == test)
            {
                cases.Add(new SeedCase(entry.Seed, entry.Strategy, $"{DisplayName} line {i + 1}") { PctSteps = entry.PctSteps });
            }
        }

        return cases;
    }

    private (string Test, long Seed, ScheduleStrategy Strategy, int PctSteps)? Parse(string line, int number)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        string content = (hash >= 0 ? line[..hash] : line).Trim();
        if (content.Length == 0)
        {
            return null;
        }

        string[] fields = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int pctSteps = 0;
        if (fields.Length is 3 or 4
            && (fields.Length == 3 || PctSteps(fields[3], out pctSteps))
            && fields[1].StartsWith("seed=", StringComparison.Ordinal)
            && long.TryParse(fields[1].AsSpan(5), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed)
            && fields[2].StartsWith("strategy=", StringComparison.Ordinal)
            && Enum.TryParse(fields[2].AsSpan(9), ignoreCase: false, out ScheduleStrategy strategy)
            && Enum.IsDefined(strategy)
            && !char.IsAsciiDigit(fields[2][9]))
        {
            return (RegressionName.Unescape(fields[0]), seed, strategy, pctSteps);
        }

        throw new InvalidOperationException(
            $"{DisplayName} line {number} is not a regression: expected '<test> seed=<integer> strategy=<Fifo|Random|Pct|Portfolio>' " +
            "and optionally ' pct-steps=<positive integer>' " +
            $"(optionally followed by '# comment'), found '{line}'. Fix or delete the line ({Path}).");
    }

    private static bool PctSteps(string field, out int steps)
    {
        steps = 0;
        return field.StartsWith("pct-steps=", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(10), NumberStyles.None, CultureInfo.InvariantCulture, out steps)
            && steps > 0;
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
