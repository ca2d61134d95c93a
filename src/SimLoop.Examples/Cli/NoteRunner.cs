using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// Runs one note once in a fresh simulation and keeps what it printed and what the simulation recorded.
// The wall clock is injected so tests can fix it; it only measures, it never decides anything.
internal sealed class NoteRunner(TimeProvider wallClock)
{
    // Enough for every step of the notes' programs; a longer run keeps its last steps and says so in a trace.
    private const int TraceCapacity = 100_000;

    /// <summary>Runs the note; with a timeline file, draws the run there, showing the lines it printed as log lines.</summary>
    public NoteRun Run(Note note, SimulationOptions options, string? timeline = null)
    {
        var sim = new Simulation(options with { TraceCapacity = TraceCapacity, CaptureLogs = timeline is not null });
        using var output = new NoteOutput(sim, timeline is null ? null : sim.CreateLogger(note.Name));
        Exception? failure = null;
        long start = wallClock.GetTimestamp();
        try
        {
            sim.Run(() => note.Main(output));
        }
        catch (Exception exception)
        {
            // A note that fails under some schedule is a finding to report, not a crash of the examples.
            failure = exception;
        }

        TimeSpan wallElapsed = wallClock.GetElapsedTime(start);
        if (timeline is not null)
        {
            sim.WriteTimeline(timeline, failure);
        }

        return new NoteRun(note, options, output.Lines, sim.Elapsed, wallElapsed, sim.Steps, sim.Trace.Fingerprint,
            sim.Trace, failure);
    }

    /// <summary>Runs the note under Fifo, asyncio's order: the baseline other schedules are compared with.</summary>
    public NoteRun RunFifo(Note note) => Run(note, new SimulationOptions());
}
