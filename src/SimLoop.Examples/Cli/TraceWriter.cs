using System.Globalization;

namespace SimLoop.Examples.Cli;

// Lists a run step by step: step number, virtual time, task and event, and under each step the lines the note
// printed during it. Events within a step (a cancellation requested, a task finished) are indented under it.
// Read cancel_me's step where the cancellation is delivered: its lines come innermost handler first.
internal static class TraceWriter
{
    public static void Write(TextWriter writer, NoteRun run)
    {
        SimulationTrace trace = run.Trace;
        long first = trace.TotalCount - trace.Count; // entries before this one were not kept
        if (first > 0)
        {
            writer.WriteLine($"(the first {first} trace entries were not kept)");
        }

        writer.WriteLine("(a line after > is what the program printed, under the step that printed it)");
        int taskWidth = Math.Max(4, trace.Select(e => TaskText(e).Length).DefaultIfEmpty(0).Max());
        writer.WriteLine($"{"step",-6} {"virtual time",-13} {"task".PadRight(taskWidth)}  event");
        int line = 0;
        IReadOnlyList<OutputLine> lines = run.Lines;
        for (int i = 0; i < trace.Count; i++)
        {
            for (; line < lines.Count && lines[line].TracePosition <= first + i; line++)
            {
                writer.WriteLine(PrintedLine(taskWidth, lines[line].Text));
            }

            writer.WriteLine(EntryLine(trace[i], taskWidth));
        }

        for (; line < lines.Count; line++)
        {
            writer.WriteLine(PrintedLine(taskWidth, lines[line].Text));
        }
    }

    private static string EntryLine(TraceEntry entry, int taskWidth)
    {
        bool isStep = entry.Kind is not (TraceEventKind.CancellationRequested or TraceEventKind.TaskFinished);
        string step = isStep ? "#" + entry.Step.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string choice = entry.Candidates > 1 ? $" (chose {entry.Choice + 1} of {entry.Candidates})" : string.Empty;
        string detail = entry.Detail is null ? string.Empty : ": " + entry.Detail;
        string indent = isStep ? string.Empty : "  ";
        return $"{step,-6} {VirtualTimeText.Instant(entry.Elapsed),-13} {TaskText(entry).PadRight(taskWidth)}  " +
            $"{indent}{entry.Kind}{choice}{detail}";
    }

    private static string PrintedLine(int taskWidth, string text) =>
        new string(' ', 6 + 1 + 13 + 1 + taskWidth + 2) + "> " + text;

    private static string TaskText(TraceEntry entry) => entry.TaskName ?? "-";
}
