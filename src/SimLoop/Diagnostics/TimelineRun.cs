using System;

namespace SimLoop;

/// <summary>What the timeline draws of a finished run: its identity and totals, its trace and its log lines.</summary>
internal sealed record TimelineRun(long Seed, ScheduleStrategy Strategy, long Steps, TimeSpan Elapsed, SimulationTrace Trace,
    LogCapture? Logs);
