using System.Text;

namespace SimLoop.Tests.Architecture;

// The core's shape as a check: which folder may use which (Layers), how long a file or a method may grow. It reads
// src/SimLoop (or the tree SIMLOOP_ARCHITECTURE_SOURCE names) and prints the folder-to-folder matrix, so a reader
// of the test output sees the shape as it is.
public class ArchitectureTests
{
    private CoreSource _source = null!;
    private IReadOnlyList<TypeReference> _references = null!;

    [OneTimeSetUp]
    public void ReadSource()
    {
        _source = CoreSource.Load();
        _references = _source.CrossFolderReferences();
    }

    [Test]
    public void Folders_UseOnlyFoldersBelowThem()
    {
        TestContext.Out.WriteLine(Matrix(_references));
        var forbidden = _references
            .Where(reference => !Layers.Allows(reference.FromFolder, reference.ToFolder))
            .GroupBy(reference => (reference.FromFolder, reference.ToFolder))
            .OrderBy(group => group.Key.FromFolder, StringComparer.Ordinal).ThenBy(group => group.Key.ToFolder, StringComparer.Ordinal)
            .Select(group => $"{group.Key.FromFolder} -> {group.Key.ToFolder} is not allowed ({group.Key.FromFolder} may use: " +
                $"{string.Join(", ", Layers.IsKnown(group.Key.FromFolder) ? Layers.Below(group.Key.FromFolder) : ["nothing, it is no layer"])})" +
                string.Concat(group.Select(r => $"{Environment.NewLine}    {r.FromFile} uses {r.Type} ({r.ToFolder})")))
            .ToList();
        Assert.That(forbidden, Is.Empty, Report("references that go up the layers", forbidden));
    }

    [Test]
    public void Folders_AreAllLayers()
    {
        var unknown = _source.Trees.Select(tree => _source.FolderOf(tree.FilePath)).Distinct()
            .Where(folder => !Layers.IsKnown(folder)).Order(StringComparer.Ordinal)
            .Select(folder => $"{folder}/ is not one of the layers ({string.Join(" -> ", Layers.TopToBottom)})")
            .ToList();
        Assert.That(unknown, Is.Empty, Report("folders without a place in the layers", unknown));
    }

    [Test]
    public void Types_LiveInOneFolder()
    {
        var split = _source.TypesSplitAcrossFolders().ToList();
        Assert.That(split, Is.Empty, Report("partial types spread over folders", split));
    }

    [Test]
    public void Files_StayWithinTheLineLimit()
    {
        var tooLong = _source.FileLengths()
            .Where(file => file.Lines > Layers.MaxFileLines)
            .Select(file => $"{file.File}: {file.Lines} lines")
            .ToList();
        Assert.That(tooLong, Is.Empty, Report($"files over {Layers.MaxFileLines} lines", tooLong));
    }

    [Test]
    public void Methods_StayWithinTheLineLimit()
    {
        var tooLong = _source.MethodLengths()
            .Where(method => method.Lines > Layers.MaxMethodLines)
            .Select(method => $"{method.File}:{method.Line} {method.Name}: {method.Lines} lines")
            .ToList();
        Assert.That(tooLong, Is.Empty, Report($"methods over {Layers.MaxMethodLines} lines", tooLong));
    }

    [Test]
    public void Source_IsReadWhole()
    {
        // A tree that does not parse, or types the checks cannot resolve, would make every check above pass vacuously.
        var errors = _source.Trees.SelectMany(tree => tree.GetDiagnostics())
            .Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty, Report("syntax errors", errors));
            Assert.That(_references.Select(r => r.Type), Does.Contain("SimTask").And.Contain("VirtualClock"),
                "the semantic model resolves the core's own types");
        }
    }

    private string Report(string what, List<string> lines) =>
        $"{lines.Count} {what} in {_source.Root}:{Environment.NewLine}" +
        string.Join(Environment.NewLine, lines);

    // A row uses the columns; a cell counts (file, type) pairs. Folders are in layer order, top first, so a count
    // right of the diagonal is an arrow down (allowed) and one left of it an arrow up (forbidden, marked '!').
    private static string Matrix(IReadOnlyList<TypeReference> references)
    {
        var folders = Layers.TopToBottom
            .Concat(references.SelectMany(r => new[] { r.FromFolder, r.ToFolder }).Where(f => !Layers.IsKnown(f)).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        int width = folders.Max(folder => folder.Length) + 1;
        var text = new StringBuilder("Folder-to-folder references (row uses column; (file, type) pairs; '!' marks a forbidden arrow)")
            .AppendLine().Append(string.Empty.PadRight(width));
        foreach (string folder in folders)
        {
            text.Append(Abbreviate(folder).PadLeft(6));
        }

        text.AppendLine();
        foreach (string from in folders)
        {
            text.Append(from.PadRight(width));
            foreach (string to in folders)
            {
                int count = references.Count(r => r.FromFolder == from && r.ToFolder == to);
                string cell = from == to ? "." : count == 0 ? "" : Layers.Allows(from, to) ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "!" + count;
                text.Append(cell.PadLeft(6));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Abbreviate(string folder) => folder.Length <= 5 ? folder : folder[..5];
}
