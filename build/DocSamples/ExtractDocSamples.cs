// Compiled by MSBuild's RoslynCodeTaskFactory (DocSamples.targets), not by a project: turns every C# block of the
// Markdown files given into C# sources of the test project that builds it, so a doc change that breaks a sample
// breaks the build or a test. The syntax of the markers is in docs/development.md ("Samples in the docs").
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ExtractDocSamples : Task
{
    private static readonly Regex s_docMarker = new(@"^\s*<!--\s*samples:\s*(?<project>[^\s,:]+)(?<reason>.*?)-->\s*$", RegexOptions.Multiline);
    private static readonly Regex s_blockMarker = new(@"^\s*<!--\s*sample:(?<options>.*?)-->\s*$");
    private static readonly Regex s_fence = new(@"^```\s*(?<lang>[\w#+-]*)\s*$");
    private static readonly Regex s_usingDirective = new(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$");
    private static readonly Regex s_typeDeclaration = new(@"^(\[.*\]\s*)?((public|internal|sealed|static|abstract|partial|file|readonly)\s+)*(class|record|struct|interface|enum)\s+\w");
    private static readonly Regex s_memberStart = new(@"^(\[|(public|private|protected|internal|static|async)\s)");
    private static readonly string[] s_options = ["compile-only", "fails", "continues", "context", "kind"];

    [Required] public ITaskItem[] Markdown { get; set; } = [];
    [Required] public string ProjectName { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string RepositoryRoot { get; set; } = "";
    public bool IsDefaultProject { get; set; }
    [Output] public ITaskItem[] Generated { get; set; } = [];

    private sealed class Block
    {
        public string Doc = "";
        public string Slug = "";
        public int Line;                      // line of the first code line, 1-based
        public List<string> Code = new();
        public Dictionary<string, string> Options = new();
        public List<Block> Continuations = new();
    }

    public override bool Execute()
    {
        Directory.CreateDirectory(OutputDirectory);
        var written = new List<string>();
        foreach (ITaskItem item in Markdown.OrderBy(i => i.ItemSpec, StringComparer.Ordinal))
        {
            string path = Path.GetFullPath(item.ItemSpec);
            string[] lines = File.ReadAllLines(path);
            string relative = Relative(path);
            string? owner = DocOwner(string.Join("\n", lines), relative, out bool excluded);
            bool mine = owner is null ? IsDefaultProject : owner == ProjectName;
            if (excluded || !mine)
            {
                continue;
            }

            foreach (Block unit in Units(lines, path, relative))
            {
                string file = Path.Combine(OutputDirectory, unit.Slug + ".g.cs");
                WriteIfChanged(file, Generate(unit));
                written.Add(file);
            }
        }

        foreach (string stale in Directory.GetFiles(OutputDirectory, "*.g.cs").Except(written, StringComparer.Ordinal))
        {
            File.Delete(stale);
        }

        Generated = written.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        return !Log.HasLoggedErrors;
    }

    // The project a doc's samples compile in, from its "<!-- samples: Project -->" marker; null for the default
    // project. "<!-- samples: none, reason -->" excludes the doc, and must say why.
    private string? DocOwner(string text, string relative, out bool excluded)
    {
        excluded = false;
        Match marker = s_docMarker.Match(text);
        if (!marker.Success)
        {
            return null;
        }

        string project = marker.Groups["project"].Value;
        if (project == "none")
        {
            excluded = true;
            if (marker.Groups["reason"].Value.Trim(' ', ',', ':', '-').Length == 0)
            {
                Log.LogError(null, "DOCSAMPLE1", null, relative, 0, 0, 0, 0, "'<!-- samples: none -->' needs a reason after it.");
            }
        }

        return project;
    }

    private IEnumerable<Block> Units(string[] lines, string path, string relative)
    {
        var units = new List<Block>();
        Dictionary<string, string>? pending = null;
        int markerLine = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            Match marker = s_blockMarker.Match(lines[i]);
            if (marker.Success)
            {
                pending = ParseOptions(marker.Groups["options"].Value, relative, i + 1);
                markerLine = i + 1;
                continue;
            }

            Match fence = s_fence.Match(lines[i]);
            if (!fence.Success)
            {
                if (pending is not null && lines[i].Trim().Length > 0)
                {
                    Log.LogError(null, "DOCSAMPLE2", null, relative, markerLine, 0, 0, 0, "A '<!-- sample: ... -->' marker must stand right before a ```csharp block.");
                    pending = null;
                }

                continue;
            }

            string lang = fence.Groups["lang"].Value.ToLowerInvariant();
            int start = i + 1;
            int end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (lang is "csharp" or "cs" or "c#")
            {
                var block = new Block
                {
                    Doc = path,
                    Slug = Slug(relative) + "_line_" + (start + 1),
                    Line = start + 1,
                    Code = lines.Skip(start).Take(end - start).ToList(),
                    Options = pending ?? new Dictionary<string, string>(),
                };
                if (block.Options.ContainsKey("continues"))
                {
                    if (units.Count == 0)
                    {
                        Log.LogError(null, "DOCSAMPLE3", null, relative, block.Line, 0, 0, 0, "'continues' needs a C# block before it in the same file.");
                    }
                    else
                    {
                        units[units.Count - 1].Continuations.Add(block);
                    }
                }
                else
                {
                    units.Add(block);
                }
            }
            else if (pending is not null)
            {
                Log.LogError(null, "DOCSAMPLE2", null, relative, markerLine, 0, 0, 0, "A '<!-- sample: ... -->' marker must stand right before a ```csharp block.");
            }

            pending = null;
            i = end;
        }

        return units;
    }

    private Dictionary<string, string> ParseOptions(string text, string relative, int line)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string word in text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = word.Split(new[] { '=' }, 2);
            if (Array.IndexOf(s_options, parts[0]) < 0)
            {
                Log.LogError(null, "DOCSAMPLE4", null, relative, line, 0, 0, 0,
                    $"Unknown sample option '{parts[0]}'; the options are {string.Join(", ", s_options)}.");
                continue;
            }

            options[parts[0]] = parts.Length > 1 ? parts[1] : "";
        }

        return options;
    }

    private string Generate(Block unit)
    {
        List<Block> all = new[] { unit }.Concat(unit.Continuations).ToList();
        string kind = unit.Options.TryGetValue("kind", out string? k) ? k : Kind(all.SelectMany(b => b.Code));
        unit.Options.TryGetValue("context", out string? context);
        bool compileOnly = all.Any(b => b.Options.ContainsKey("compile-only"));
        string? fails = all.Select(b => b.Options.TryGetValue("fails", out string? f) ? f : null).LastOrDefault(f => f is not null);

        var source = new StringBuilder();
        source.AppendLine("// <auto-generated/> from " + Relative(unit.Doc) + " by build/DocSamples: edit the Markdown, not this file.");
        source.AppendLine("#nullable enable");
        source.AppendLine("#pragma warning disable CS1998 // a sample's body need not await");
        foreach (Block block in all)
        {
            for (int i = 0; i < block.Code.Count; i++)
            {
                if (s_usingDirective.IsMatch(block.Code[i]) && !block.Code[i].StartsWith("using var", StringComparison.Ordinal))
                {
                    source.AppendLine($"#line {block.Line + i} \"{block.Doc}\"");
                    source.AppendLine(block.Code[i]);
                    block.Code[i] = "";
                }
            }
        }

        source.AppendLine("#line default");
        source.AppendLine($"namespace DocSamples.{unit.Slug}");
        source.AppendLine("{");
        bool shownFailingTest = fails is not null && kind != "statements";
        if (shownFailingTest)
        {
            // A [SimulationTest] the doc shows failing passes only if a seed fails with the exception named.
            source.AppendLine("using SimulationTestAttribute = global::DocSamples.ShownFailingAttribute;");
            source.AppendLine("using Property = global::DocSamples.ShownFailingPropertyAttribute;");
        }

        if (context is not null && kind == "file")
        {
            source.AppendLine($"using static global::DocSamples.Contexts.{context};");
        }

        if (shownFailingTest)
        {
            source.AppendLine($"internal static class ShownFailure {{ public const string Exception = \"{fails}\"; }}");
        }

        string baseClass = context is not null ? $" : global::DocSamples.Contexts.{context}" : "";
        switch (kind)
        {
            case "file":
                AppendCode(source, all);
                break;
            case "members":
                source.AppendLine($"public class Sample{baseClass}");
                source.AppendLine("{");
                AppendCode(source, all);
                source.AppendLine("#line default");
                source.AppendLine("}");
                break;
            case "statements":
                source.AppendLine($"public class Sample{baseClass}");
                source.AppendLine("{");
                if (!compileOnly)
                {
                    source.AppendLine("[global::NUnit.Framework.Test]");
                }

                source.AppendLine("public async global::System.Threading.Tasks.Task Runs()");
                source.AppendLine("{");
                if (fails is not null)
                {
                    source.AppendLine($"global::DocSamples.ShownFailing.Expect(\"{fails}\", async () =>");
                    source.AppendLine("{");
                }

                AppendCode(source, all);
                source.AppendLine("#line default");
                if (fails is not null)
                {
                    source.AppendLine("});");
                }

                source.AppendLine("}");
                source.AppendLine("}");
                break;
            default:
                Log.LogError(null, "DOCSAMPLE5", null, Relative(unit.Doc), unit.Line, 0, 0, 0, $"Unknown sample kind '{kind}'; the kinds are file, members, statements.");
                break;
        }

        source.AppendLine("#line default");
        source.AppendLine("}");
        return source.ToString();
    }

    private static void AppendCode(StringBuilder source, List<Block> blocks)
    {
        foreach (Block block in blocks)
        {
            source.AppendLine($"#line {block.Line} \"{block.Doc}\"");
            foreach (string line in block.Code)
            {
                source.AppendLine(line);
            }
        }
    }

    // A block that declares a type at its left margin is a file; one that starts with an attribute or a modifier is
    // members of a class; anything else is statements of a test method.
    private static string Kind(IEnumerable<string> code)
    {
        List<string> lines = code.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)
            && !(s_usingDirective.IsMatch(l) && !l.StartsWith("using var", StringComparison.Ordinal))).ToList();
        if (lines.Any(l => s_typeDeclaration.IsMatch(l)))
        {
            return "file";
        }

        return lines.Count > 0 && s_memberStart.IsMatch(lines[0]) ? "members" : "statements";
    }

    private string Relative(string path)
    {
        string root = Path.GetFullPath(RepositoryRoot).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).Replace('\\', '/') : path;
    }

    private static string Slug(string relative) =>
        Regex.Replace(Path.ChangeExtension(relative, null), @"[^A-Za-z0-9]+", "_").Trim('_');

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}
