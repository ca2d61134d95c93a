namespace SimLoop.Examples.Cli;

// The reference output of each note, the .out files the build copies next to the program (Notes/{name}.out): CPython
// 3.11's, except request_chain's, whose services are ASP.NET Core applications that Python cannot run.
// Read with "\n" line ends, as CPython wrote them; null when the file is not there (a trimmed deployment).
internal static class GoldenOutput
{
    public static string Path(string noteName) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Notes", noteName + ".out");

    public static IReadOnlyList<string>? Read(string noteName)
    {
        string path = Path(noteName);
        if (!File.Exists(path))
        {
            return null;
        }

        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
    }
}
