using System;

namespace SimLoop;

/// <summary>What the loop takes from the simulation's options: where the clock starts and the limits of a run.</summary>
/// <param name="StartTime">The virtual date and time at the start of the run.</param>
/// <param name="MaxSteps">The most steps the run may take.</param>
/// <param name="MaxVirtualTime">The most virtual time the run may pass.</param>
/// <param name="MaxStepWallTime">How long one step may hold its thread, in wall time.</param>
/// <param name="TraceCapacity">How many trace entries are kept.</param>
internal sealed record LoopSettings(DateTimeOffset StartTime, long MaxSteps, TimeSpan MaxVirtualTime, TimeSpan MaxStepWallTime,
    int TraceCapacity);
