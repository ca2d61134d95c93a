namespace SimLoop.Examples.Notes;

/// <summary>One of the asyncio notes' programs, ported: its name (the .py it ports), what it shows, its main.</summary>
/// <param name="Name">The name of the Python program, e.g. "cancel_me"; its CPython output is Notes/{Name}.out.</param>
/// <param name="Shows">The one thing the program shows.</param>
/// <param name="Main">The program: runs inside a simulation and prints to the writer it is given.</param>
/// <param name="CauseQuestion">The question the run's cancellation cause chain answers, printed after the program's
/// own output; <see langword="null"/> when the examples print no cause chain for this program.</param>
internal sealed record Note(string Name, string Shows, Func<TextWriter, Task> Main, string? CauseQuestion = null)
{
    /// <summary>Every note, in the order the notes present them.</summary>
    public static IReadOnlyList<Note> All { get; } =
    [
        new("get_html", "three tasks sleeping 2, 3 and 4 s finish in 4 s of virtual time", GetHtml.RunAsync),
        new("get_html_interrupted", "cancelling every pending task at 2.5 s (the notes' Ctrl+C); finally blocks run",
            GetHtmlInterrupted.RunAsync),
        new("cancel_me", "cancellation reaches the innermost await first, then travels outwards", CancelMe.RunAsync),
        new("print_sum", "a coroutine awaiting a sub-coroutine", PrintSum.RunAsync),
        new("request_chain",
            "a -> b -> c, three ASP.NET Core services; a's 1 s timeout: b's request to c is the first to see the cancellation",
            RequestChain.RunAsync, CauseQuestion: "who cancelled b's request to c?"),
    ];

    /// <summary>Gets the names of every note, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(n => n.Name)];

    /// <summary>Finds a note by name.</summary>
    /// <param name="name">The name, e.g. "cancel_me".</param>
    /// <returns>The note, or <see langword="null"/> if there is none of that name.</returns>
    public static Note? Find(string name) => All.FirstOrDefault(n => n.Name == name);
}
