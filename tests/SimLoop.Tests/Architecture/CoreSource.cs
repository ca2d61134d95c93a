using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SimLoop.Tests.Architecture;

/// <summary>One use of a SimLoop type by a file of another folder.</summary>
internal sealed record TypeReference(string FromFolder, string FromFile, string ToFolder, string Type);

/// <summary>A method (or constructor, accessor, operator) with its length in lines.</summary>
internal sealed record MethodLength(string File, int Line, string Name, int Lines);

// The sources of src/SimLoop read with Roslyn: every file, the folder that declares each type, and, through a
// semantic model over one compilation of all of them, every type a file uses. Names resolve as the compiler resolves
// them (one namespace, so usings say nothing); doc comments are not code and are not read.
internal sealed class CoreSource
{
    public const string SourceVariable = "SIMLOOP_ARCHITECTURE_SOURCE";

    private CoreSource(string root, IReadOnlyList<SyntaxTree> trees, CSharpCompilation compilation)
    {
        Root = root;
        Trees = trees;
        Compilation = compilation;
    }

    public string Root { get; }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>Reads the tree named by SIMLOOP_ARCHITECTURE_SOURCE, or src/SimLoop above the test's directory.</summary>
    public static CoreSource Load()
    {
        string root = Environment.GetEnvironmentVariable(SourceVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(Examples.ExamplesHarness.RepositoryRoot().FullName, "src", "SimLoop");
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no core source at {root} (set {SourceVariable} to a src/SimLoop folder)");
        }

        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(root, file))
            .Order(StringComparer.Ordinal)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("SimLoop.Architecture", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true));
        return new CoreSource(root, trees, compilation);
    }

    /// <summary>The layer of a file: its first folder under src/SimLoop, or Face for the files directly in it.</summary>
    public string FolderOf(string file)
    {
        string relative = Path.GetRelativePath(Root, file);
        int slash = relative.IndexOfAny(['/', '\\']);
        return slash < 0 ? Layers.Face : relative[..slash];
    }

    public string RelativePath(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    /// <summary>Every use of a type declared in one folder by a file of another, once per file and type.</summary>
    public IReadOnlyList<TypeReference> CrossFolderReferences()
    {
        var found = new List<TypeReference>();
        foreach (SyntaxTree tree in Trees)
        {
            string from = FolderOf(tree.FilePath);
            SemanticModel model = Compilation.GetSemanticModel(tree);
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                {
                    continue;
                }

                if (DeclaringType(model, node) is { } type && seen.Add(type) && DeclaringFile(type) is { } declaredIn
                    && FolderOf(declaredIn) is var to && to != from)
                {
                    found.Add(new TypeReference(from, RelativePath(tree.FilePath), to, type.Name));
                }
            }
        }

        return found;
    }

    /// <summary>The types whose partial declarations lie in more than one folder (such a type has no one layer).</summary>
    public IEnumerable<string> TypesSplitAcrossFolders() =>
        Trees.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
                .Select(declaration => Compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)))
            .OfType<INamedTypeSymbol>()
            .Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>()
            .Where(type => type.DeclaringSyntaxReferences.Select(r => FolderOf(r.SyntaxTree.FilePath)).Distinct().Count() > 1)
            .Select(type => $"{type.Name}: " + string.Join(", ", type.DeclaringSyntaxReferences.Select(r => RelativePath(r.SyntaxTree.FilePath))));

    /// <summary>Every file with its number of lines, counted as an editor does (a final line break starts no line).</summary>
    public IEnumerable<(string File, int Lines)> FileLengths() =>
        Trees.Select(tree => tree.GetText()).Zip(Trees, (text, tree) =>
            (RelativePath(tree.FilePath), text.Lines.Count - (text.Lines[^1].Span.IsEmpty && text.Lines.Count > 1 ? 1 : 0)));

    /// <summary>Every method, constructor, operator and accessor with a body, with its lines from signature to brace.</summary>
    public IEnumerable<MethodLength> MethodLengths() =>
        Trees.SelectMany(tree => tree.GetRoot().DescendantNodes()
            .Where(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
            .Select(node =>
            {
                FileLinePositionSpan span = node.GetLocation().GetLineSpan();
                return new MethodLength(RelativePath(tree.FilePath), span.StartLinePosition.Line + 1, NameOf(node),
                    span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
            }));

    private static bool IsBuildOutput(string root, string file)
    {
        string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    // The SimLoop type a name stands for: the type itself, or the type whose member it calls, reads or creates.
    private static INamedTypeSymbol? DeclaringType(SemanticModel model, SyntaxNode node)
    {
        SymbolInfo info = model.GetSymbolInfo(node);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        INamedTypeSymbol? type = symbol switch
        {
            INamedTypeSymbol named => named,
            IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType,
            _ => null,
        };
        return type?.OriginalDefinition;
    }

    private static string? DeclaringFile(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath;

    private static string NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax local => local.Identifier.Text + " (local function)",
        AccessorDeclarationSyntax accessor => $"{(accessor.Parent?.Parent as BasePropertyDeclarationSyntax) switch
        {
            PropertyDeclarationSyntax property => property.Identifier.Text,
            EventDeclarationSyntax @event => @event.Identifier.Text,
            _ => "this[]",
        }}.{accessor.Keyword.Text}",
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
        _ => node.Kind().ToString(),
    };
}
