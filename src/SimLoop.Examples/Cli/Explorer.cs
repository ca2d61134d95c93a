using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// Runs a note under seeds Seed, Seed + 1, ... and gathers what appeared. Every run is a fresh simulation, so the
// same seeds give the same exploration, run after run and machine after machine.
internal sealed class Explorer(NoteRunner runner)
{
    public Exploration Explore(Note note, ScheduleStrategy strategy, long firstSeed, int seeds)
    {
        var exploration = new Exploration(note, strategy, runner.RunFifo(note).Texts);
        for (int i = 0; i < seeds; i++)
        {
            var options = new SimulationOptions { Seed = firstSeed + i, Strategy = strategy };
            exploration.Add(runner.Run(note, options));
        }

        return exploration;
    }
}
