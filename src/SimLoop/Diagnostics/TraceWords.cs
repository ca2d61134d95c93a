using System;

namespace SimLoop;

// A trace entry said in words, for messages a person reads (the determinism check's first difference): what ran,
// for which task, and which of the candidates it was, counting from 1 as the steps do.
internal static class TraceWords
{
    public static string Describe(TraceEntry entry)
    {
        string task = entry.TaskName is null ? "the simulation" : "task '" + entry.TaskName + "'";
        string what = entry.Kind switch
        {
            TraceEventKind.TaskStarted => $"{task} started",
            TraceEventKind.Continuation => $"{task} resumed after an await",
            TraceEventKind.QueuedTask => $"a Task queued to the simulation's scheduler ran for {task}",
            TraceEventKind.CancellationDelivered => $"the cancellation of {task} was delivered",
            TraceEventKind.TimerFired => $"a timer of {task} fired",
            TraceEventKind.ActionRun => "a sim.At action ran",
            TraceEventKind.CancellationRequested => $"{task} asked for a cancellation",
            TraceEventKind.TaskFinished => $"{task} finished",
            TraceEventKind.ThreadPoolWork => $"work {task} sent to the thread pool ran",
            _ => $"{entry.Kind} for {task}",
        };
        string choice = entry.Candidates > 1
            ? $", the {Ordinal(entry.Choice + 1)} of {entry.Candidates} {(entry.Kind == TraceEventKind.TimerFired ? "timers due together" : "ready items")}"
            : string.Empty;
        string detail = entry.Detail is null ? string.Empty : $" ({entry.Detail})";
        return $"at {TimeFormat.Instant(entry.Elapsed)} {what}{detail}{choice}";
    }

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });
}
