namespace SimLoop.Benchmarks.Workloads;

// The golden output of the two notes the whole-simulation benchmarks run (src/SimLoop.Examples/Notes/*.out,
// which the smoke tests compare these with, so they cannot drift apart).
internal static class NoteOutputs
{
    public static readonly string[] CancelMe =
    [
        "cancel_me(): before sleep",
        "cancel_me()2: cancel sleep",
        "cancel_me(): cancel sleep",
        "cancel_me(): after sleep",
        "main(): cancel_me is cancelled now",
    ];

    public static readonly string[] GetHtml =
    [
        "waiting",
        "waiting",
        "waiting",
        "done after 2s",
        "done after 3s",
        "done after 4s",
    ];

    public static readonly TimeSpan CancelMeElapsed = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan GetHtmlElapsed = TimeSpan.FromSeconds(4);
}
