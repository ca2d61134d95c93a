using System.Text.RegularExpressions;

namespace DocSamples;

// Every doc's C# blocks are compiled by some test project: this one by default, or the project a doc names, which
// must exist and import build/DocSamples/DocSamples.targets; a doc that opts out says why.
public partial class DocSamplesTests
{
    private static readonly string Root = FindRoot();

    private static IEnumerable<string> Docs() =>
        new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Where(f => CSharpFence().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Docs))]
    public void DocWithCSharp_IsCompiledByATestProject_OrSaysWhyNot(string doc)
    {
        Match marker = SamplesMarker().Match(File.ReadAllText(Path.Combine(Root, doc)));
        if (!marker.Success)
        {
            Assert.That(GeneratedFor(doc), Is.Not.Empty, "compiled here, in the default project");
            return;
        }

        string project = marker.Groups["project"].Value;
        if (project == "none")
        {
            Assert.That(marker.Groups["reason"].Value.Trim(' ', ',', ':', '-'), Is.Not.Empty, "an opt-out says why");
            return;
        }

        string csproj = Path.Combine(Root, "tests", project, project + ".csproj");
        Assert.That(File.Exists(csproj) && File.ReadAllText(csproj).Contains("DocSamples.targets", StringComparison.Ordinal),
            Is.True, $"{doc} names {project}, which must be a test project importing build/DocSamples/DocSamples.targets");
    }

    // The sample classes compiled into this assembly from a doc (namespace DocSamples.<doc>_line_<n>).
    private static List<string> GeneratedFor(string doc)
    {
        string prefix = "DocSamples." + Regex.Replace(Path.ChangeExtension(doc, null), "[^A-Za-z0-9]+", "_").Trim('_') + "_line_";
        return [.. typeof(DocSamplesTests).Assembly.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Distinct()];
    }

    private static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "SimLoop.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("SimLoop.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```\s*(csharp|cs|c#)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^\s*<!--\s*samples:\s*(?<project>[^\s,:]+)(?<reason>.*?)-->\s*$", RegexOptions.Multiline)]
    private static partial Regex SamplesMarker();
}
