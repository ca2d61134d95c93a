using System;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// What the network logs of a NetworkFaultPlan, under the category SimLoop.Network.Faults, with fixed event ids (4xx:
// the network). The simulation's loggers stamp each entry with the virtual time, the step and the fault's task.
internal static class FaultLog
{
    public static readonly Action<ILogger, string, Exception?> Planned = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(400, "FaultPlanned"), "fault planned: {Fault}");

    public static readonly Action<ILogger, string, string, Exception?> Began = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(401, "FaultBegan"), "fault began: {Fault} for {Duration}");

    public static readonly Action<ILogger, string, Exception?> Ended = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(402, "FaultEnded"), "fault ended: {Fault}");

    public static readonly Action<ILogger, string, string, Exception?> Skipped = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(403, "FaultSkipped"), "fault skipped: {Fault}: {Why}");
}
