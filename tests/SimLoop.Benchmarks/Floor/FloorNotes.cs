using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Floor;

// The notes' cancel_me and get_html on the floor: its own Spawn and Delay.
internal static class FloorNotes
{
    public static Task CancelMe(FloorLoop loop, TextWriter output) => NotePrograms.CancelMe(new Runtime(loop), output);

    public static Task GetHtml(FloorLoop loop, TextWriter output) => NotePrograms.GetHtml(new Runtime(loop), output);

    private readonly struct Runtime(FloorLoop loop) : INoteRuntime
    {
        public Task Spawn(Func<Task> body) => loop.Spawn(body);

        public Task Delay(TimeSpan delay, CancellationToken token = default) => loop.Delay(delay, token);
    }
}
