using System;

namespace SimLoop;

// The pieces a timeline is drawn from, each taken from the trace or from what the core knows of its tasks.

/// <summary>A task's lane: from its spawn (or first step) to its finish, or to the end of the run.</summary>
internal sealed class TimelineLane(int taskId, string name)
{
    public int TaskId { get; } = taskId;

    public string Name { get; set; } = name;

    /// <summary>Gets or sets the lane's position from the top, from 0.</summary>
    public int Index { get; set; } = -1;

    public long FirstStep { get; set; } = long.MaxValue;

    public long? FinishStep { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>One step of the run: a continuation run, a timer fired, a task started, a cancellation delivered.</summary>
internal sealed record TimelineStep(long Step, TimeSpan Elapsed, int TaskId, TraceEventKind Kind, int Choice,
    int Candidates);

/// <summary>A task starting another: from the step that called Spawn to the new task's first step.</summary>
internal sealed record TimelineSpawn(int FromTaskId, int ToTaskId, long SpawnStep, TimeSpan At, long? StartStep);

/// <summary>A request to cancel a task: who asked, in which step, the step that delivered it, and why.</summary>
internal sealed record TimelineCancellation(int Number, int FromTaskId, int ToTaskId, long RequestStep,
    long? DeliveryStep, CancellationCause Cause);

/// <summary>The failure given with the timeline: what it says, and the task and step it is marked at.</summary>
internal sealed record TimelineFailure(string Text, int TaskId, long Step);
