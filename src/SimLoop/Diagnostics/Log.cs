using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// Every message SimLoop logs, with fixed event ids grouped by layer (1xx run, 2xx tasks, 3xx failures). Each
// carries the step and the virtual time; wall time never appears. Logging never changes a decision.
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Step {Step} at {VirtualTime}: run started (seed {Seed}, strategy {Strategy})")]
    public static partial void RunStarted(ILogger logger, long step, TimeSpan virtualTime, long seed, ScheduleStrategy strategy);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Step {Step} at {VirtualTime}: run ended ({Outcome}), fingerprint {Fingerprint}")]
    public static partial void RunEnded(ILogger logger, long step, TimeSpan virtualTime, string outcome, string fingerprint);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Step {Step} at {VirtualTime}: work posted after the run ended was dropped (task {TaskName})")]
    public static partial void PostAfterEnd(ILogger logger, long step, TimeSpan virtualTime, string? taskName);

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug,
        Message = "Step {Step} at {VirtualTime}: task {TaskName} (#{TaskId}) started")]
    public static partial void TaskStarted(ILogger logger, long step, TimeSpan virtualTime, string taskName, int taskId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug,
        Message = "Step {Step} at {VirtualTime}: task {TaskName} (#{TaskId}) finished: {Outcome}")]
    public static partial void TaskFinished(ILogger logger, long step, TimeSpan virtualTime, string taskName, int taskId, string outcome);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "Step {Step} at {VirtualTime}: cancellation of task {TaskName} (#{TaskId}) requested: {Cause}")]
    public static partial void CancellationRequested(ILogger logger, long step, TimeSpan virtualTime, string taskName, int taskId, string cause);

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Step {Step} at {VirtualTime}: {Report}")]
    public static partial void Deadlock(ILogger logger, long step, TimeSpan virtualTime, string report);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Step {Step} at {VirtualTime}: {Report}")]
    public static partial void LimitPassed(ILogger logger, long step, TimeSpan virtualTime, string report);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Step {Step} at {VirtualTime}: {Report}")]
    public static partial void Escaped(ILogger logger, long step, TimeSpan virtualTime, string report);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error,
        Message = "Step {Step} at {VirtualTime}: task {TaskName} faulted and nothing awaited it")]
    public static partial void UnobservedFault(ILogger logger, long step, TimeSpan virtualTime, string taskName, Exception exception);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Step {Step} at {VirtualTime}: {Report}")]
    public static partial void StepFaulted(ILogger logger, long step, TimeSpan virtualTime, string report, Exception exception);
}
