using System;

namespace SimLoop;

/// <summary>One recorded step or event of a run.</summary>
/// <param name="Step">The step number (from 1); events carry the number of the step they happened in.</param>
/// <param name="Elapsed">The virtual time since the start of the run.</param>
/// <param name="TaskId">The id of the task the step belongs to, or 0 for none.</param>
/// <param name="TaskName">The name of that task, or <see langword="null"/>.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Choice">The index the strategy chose among the candidates, from 0 (0 under Fifo); texts for people
/// count it from 1, as steps are counted.</param>
/// <param name="Candidates">How many items the strategy chose among (0 for events).</param>
/// <param name="Detail">A description for events (a cancellation cause, an outcome), or <see langword="null"/>.</param>
public readonly record struct TraceEntry(
    long Step,
    TimeSpan Elapsed,
    int TaskId,
    string? TaskName,
    TraceEventKind Kind,
    int Choice,
    int Candidates,
    string? Detail)
{
    /// <summary>Formats the entry as one line of a trace listing.</summary>
    /// <returns>For example "#12 00:00:01 'main' Continuation".</returns>
    public override string ToString()
    {
        string task = TaskName is null ? "-" : "'" + TaskName + "'";
        string choice = Candidates > 1 ? $" (chose {Choice + 1} of {Candidates})" : string.Empty; // from 1, as steps are
        string detail = Detail is null ? string.Empty : ": " + Detail;
        return $"#{Step} {TimeFormat.Instant(Elapsed)} {task} {Kind}{choice}{detail}";
    }
}
