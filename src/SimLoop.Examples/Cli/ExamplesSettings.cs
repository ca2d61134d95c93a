using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// What the command line asked for, parsed and checked: which notes, under which schedule, shown how.
// Explore is the number of seeds to run (from Seed on), or null for one run of each note. Timeline is the file to
// draw each run's timeline in, or null for none.
internal sealed record ExamplesSettings(
    IReadOnlyList<Note> Notes,
    long Seed,
    ScheduleStrategy Strategy,
    bool Trace,
    int? Explore,
    string? Timeline = null)
{
    public SimulationOptions Options => new() { Seed = Seed, Strategy = Strategy };

    /// <summary>Gets the file a note's timeline goes to: the one given for a single note; with several, the given
    /// name with the note's name before its extension ("t.html" becomes "t.cancel_me.html").</summary>
    public string? TimelineFor(Note note) =>
        Timeline is null ? null
        : Notes.Count == 1 ? Timeline
        : Path.Combine(Path.GetDirectoryName(Timeline) ?? string.Empty,
            Path.GetFileNameWithoutExtension(Timeline) + "." + note.Name + Path.GetExtension(Timeline));
}
