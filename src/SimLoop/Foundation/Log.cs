using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// Every message SimLoop logs, with fixed event ids grouped by layer (1xx run, 2xx tasks, 3xx failures). Each
// carries the step and the virtual time, in the "[00:00:01 #12] " prefix user loggers get too; wall time never
// appears. Logging never changes a decision.
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "[{VirtualTime} #{Step}] run started (seed {Seed}, strategy {Strategy})")]
    public static partial void RunStarted(ILogger logger, long step, VirtualInstant virtualTime, long seed, ScheduleStrategy strategy);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "[{VirtualTime} #{Step}] run ended ({Outcome}), fingerprint {Fingerprint}")]
    public static partial void RunEnded(ILogger logger, long step, VirtualInstant virtualTime, string outcome, string fingerprint);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "[{VirtualTime} #{Step}] work posted after the run ended was dropped (task '{TaskName}')")]
    public static partial void PostAfterEnd(ILogger logger, long step, VirtualInstant virtualTime, string? taskName);

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug,
        Message = "[{VirtualTime} #{Step}] task {TaskId} '{TaskName}' started")]
    public static partial void TaskStarted(ILogger logger, long step, VirtualInstant virtualTime, string taskName, int taskId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug,
        Message = "[{VirtualTime} #{Step}] task {TaskId} '{TaskName}' finished: {Outcome}")]
    public static partial void TaskFinished(ILogger logger, long step, VirtualInstant virtualTime, string taskName, int taskId, string outcome);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "[{VirtualTime} #{Step}] cancellation of task {TaskId} '{TaskName}' requested: {Cause}")]
    public static partial void CancellationRequested(ILogger logger, long step, VirtualInstant virtualTime, string taskName, int taskId, string cause);

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "[{VirtualTime} #{Step}] {Report}")]
    public static partial void Deadlock(ILogger logger, long step, VirtualInstant virtualTime, string report);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "[{VirtualTime} #{Step}] {Report}")]
    public static partial void LimitPassed(ILogger logger, long step, VirtualInstant virtualTime, string report);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "[{VirtualTime} #{Step}] {Report}")]
    public static partial void Escaped(ILogger logger, long step, VirtualInstant virtualTime, string report);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error,
        Message = "[{VirtualTime} #{Step}] task '{TaskName}' faulted and nothing awaited it")]
    public static partial void UnobservedFault(ILogger logger, long step, VirtualInstant virtualTime, string taskName, Exception exception);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "[{VirtualTime} #{Step}] {Report}")]
    public static partial void StepFaulted(ILogger logger, long step, VirtualInstant virtualTime, string report, Exception exception);
}
