namespace SimLoop.Examples.Cli;

// What one run of one note produced: its printed lines and the simulation's account of the run.
// WallElapsed is the only wall-clock figure in the examples, measured around sim.Run and never fed back in.
internal sealed record NoteRun(
    Notes.Note Note,
    SimulationOptions Options,
    IReadOnlyList<OutputLine> Lines,
    TimeSpan VirtualElapsed,
    TimeSpan WallElapsed,
    long Steps,
    string Fingerprint,
    SimulationTrace Trace,
    Exception? Failure)
{
    /// <summary>Gets the printed lines' text, without trace positions.</summary>
    public IReadOnlyList<string> Texts => [.. Lines.Select(l => l.Text)];
}
