using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// Prints one run of one note: a heading, the note's own lines (exactly what it printed under Fifo; marked where
// they differ from Fifo under another schedule; or the whole trace with --trace), then its cause chain if any.
internal sealed class ProgramPrinter(TextWriter stdout, TextWriter stderr, NoteRunner runner)
{
    public void Write(NoteRun run, bool trace)
    {
        Note note = run.Note;
        stdout.WriteLine($"== {note.Name}{ScheduleText(run.Options)}: {note.Shows}");
        IReadOnlyList<string>? fifo = run.Options.Strategy == ScheduleStrategy.Fifo
            ? null
            : runner.RunFifo(note).Texts;
        if (trace)
        {
            TraceWriter.Write(stdout, run);
        }
        else
        {
            IEnumerable<string> lines = fifo is null ? run.Texts : FifoDifferences.Render(run.Texts, fifo);
            foreach (string line in lines)
            {
                stdout.WriteLine(line);
            }
        }

        if (fifo is not null)
        {
            int differing = FifoDifferences.Count(run.Texts, fifo);
            stdout.WriteLine(differing == 0
                ? "-- the same lines as under fifo"
                : $"-- {differing} of these lines differ from fifo's order");
        }

        if (run.Failure is { } failure)
        {
            stderr.WriteLine(
                $"error: {note.Name}{ScheduleText(run.Options)} failed: {failure.GetType().Name}: {failure.Message}");
        }

        WriteCauseChain(run);
    }

    public static string ScheduleText(SimulationOptions options) =>
        options.Strategy == ScheduleStrategy.Fifo
            ? string.Empty
            : $" ({StrategyNames.Format(options.Strategy)}, seed {options.Seed})";

    private void WriteCauseChain(NoteRun run)
    {
        if (run.Note.CauseQuestion is not { } question)
        {
            return;
        }

        stdout.WriteLine($"-- {question} SimLoop's cancellation cause chain:");
        foreach (string line in CauseChain.Lines(run.Trace))
        {
            stdout.WriteLine(line);
        }
    }
}
