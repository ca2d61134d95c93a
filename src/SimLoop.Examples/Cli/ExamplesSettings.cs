using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// What the command line asked for, parsed and checked: which notes, under which schedule, shown how.
// Explore is the number of seeds to run (from Seed on), or null for one run of each note.
internal sealed record ExamplesSettings(
    IReadOnlyList<Note> Notes,
    long Seed,
    ScheduleStrategy Strategy,
    bool Trace,
    int? Explore)
{
    public SimulationOptions Options => new() { Seed = Seed, Strategy = Strategy };
}
