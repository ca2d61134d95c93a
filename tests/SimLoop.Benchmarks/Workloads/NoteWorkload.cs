using SimLoop.Benchmarks.Floor;
using SimLoop.Examples.Notes;

namespace SimLoop.Benchmarks.Workloads;

// One whole run of a note: a fresh world created, run and checked (every printed line, and the virtual time it
// took). A run that does not match its golden output throws, so no benchmark can get fast by doing less.
internal static class NoteWorkload
{
    public static long RunSimLoop(string note, long seed = 1, ScheduleStrategy strategy = ScheduleStrategy.Fifo,
        int traceCapacity = 10_000)
    {
        (string[] lines, TimeSpan elapsed) = Expected(note);
        var output = new LineCheck(lines);
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = strategy, TraceCapacity = traceCapacity });
        sim.Run(note == "cancel_me" ? () => CancelMe.RunAsync(output) : () => GetHtml.RunAsync(output));
        return Check(note, output, sim.Elapsed, elapsed);
    }

    // The same run as RunSimLoop, as the body of a simulation someone else created (SimulationRunner.Check's).
    public static async Task RunInside(string note, Simulation sim)
    {
        (string[] lines, TimeSpan elapsed) = Expected(note);
        var output = new LineCheck(lines);
        await (note == "cancel_me" ? CancelMe.RunAsync(output) : GetHtml.RunAsync(output));
        Check(note, output, sim.Elapsed, elapsed);
    }

    public static long RunFloor(string note)
    {
        var loop = new FloorLoop();
        (string[] lines, TimeSpan elapsed) = Expected(note);
        var output = new LineCheck(lines);
        loop.Run(note == "cancel_me" ? () => FloorNotes.CancelMe(loop, output) : () => FloorNotes.GetHtml(loop, output));
        return Check(note, output, new TimeSpan(loop.ElapsedTicks), elapsed);
    }

    public static long RunFake(string note)
    {
        (string[] lines, TimeSpan elapsed) = Expected(note);
        var output = new LineCheck(lines);
        TimeSpan took = FakeClockNotes.Drive(note == "cancel_me"
            ? time => FakeClockNotes.CancelMe(time, output)
            : time => FakeClockNotes.GetHtml(time, output));
        return Check(note, output, took, elapsed);
    }

    private static (string[] Lines, TimeSpan Elapsed) Expected(string note) => note switch
    {
        "cancel_me" => (NoteOutputs.CancelMe, NoteOutputs.CancelMeElapsed),
        "get_html" => (NoteOutputs.GetHtml, NoteOutputs.GetHtmlElapsed),
        _ => throw new ArgumentOutOfRangeException(nameof(note), note, "cancel_me or get_html"),
    };

    private static long Check(string note, LineCheck output, TimeSpan took, TimeSpan expected)
    {
        if (!output.Matched || took != expected)
        {
            throw new InvalidOperationException(
                $"{note}: golden output matched: {output.Matched}; took {took} of virtual time, expected {expected}.");
        }

        return 1;
    }
}
