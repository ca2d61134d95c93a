using System.Text.RegularExpressions;

namespace SimLoop.Tests.Readme;

// Every relative link in the README and the guides under docs/ leads to a file that exists, and every #anchor to a
// heading of that page: moving a section between pages must not leave a reader at a dead end.
public class DocumentationLinksTests
{
    private static readonly Regex s_link = new(@"\]\(([^)\s]+)\)", RegexOptions.Compiled);
    private static readonly Regex s_fence = new("```.*?```", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex s_heading = new(@"^#+ (.*)$", RegexOptions.Compiled | RegexOptions.Multiline);

    [Test]
    public void RelativeLinks_InReadmeAndDocs_LeadToExistingFilesAndHeadings()
    {
        string root = Examples.ExamplesHarness.RepositoryRoot().FullName;
        var pages = new List<string> { Path.Combine(root, "README.md") };
        pages.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        var broken = new List<string>();
        foreach (string page in pages)
        {
            foreach (Match link in s_link.Matches(Prose(page)))
            {
                string target = link.Groups[1].Value;
                if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] parts = target.Split('#', 2);
                string file = parts[0].Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, parts[0]));
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {target} (no such file)");
                }
                else if (parts.Length == 2 && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(file).Contains(parts[1]))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {target} (no such heading)");
                }
            }
        }

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Anchors_OfAHeading_FollowGitHubsRule()
    {
        string page = Path.Combine(TestContext.CurrentContext.WorkDirectory, "anchors-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(page, "# Compatibility: ordinary .NET async code\n## Libraries with a clock of their own\n");
        try
        {
            HashSet<string> anchors = Anchors(page);
            Assert.That(anchors, Does.Contain("compatibility-ordinary-net-async-code"));
            Assert.That(anchors, Does.Contain("libraries-with-a-clock-of-their-own"));
            Assert.That(anchors, Does.Not.Contain("Libraries with a clock of their own"));
        }
        finally
        {
            File.Delete(page);
        }
    }

    // The page's text outside fenced code, where a bracket and a parenthesis are code, not a link.
    private static string Prose(string page) => s_fence.Replace(File.ReadAllText(page), string.Empty);

    // GitHub's anchors: the heading in lower case, punctuation other than '-' and '_' dropped, spaces as '-'.
    private static HashSet<string> Anchors(string page) =>
        s_heading.Matches(Prose(page))
            .Select(h => new string(h.Groups[1].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-'))
            .ToHashSet();
}
