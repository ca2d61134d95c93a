using System;
using System.Collections.Generic;

namespace SimLoop;

/// <summary>One fault a <see cref="NetworkFaultPlan"/> scheduled: what happens to which hosts, when, and for how long.</summary>
public sealed class NetworkFault
{
    internal NetworkFault(NetworkFaultKinds kind, IReadOnlyList<string> hosts, TimeSpan at, TimeSpan duration, TimeSpan extraLatency)
    {
        Kind = kind;
        Hosts = hosts;
        At = at;
        Duration = duration;
        ExtraLatency = extraLatency;
    }

    /// <summary>Gets the kind of fault: one of <see cref="NetworkFaultKinds.Partition"/>, <see cref="NetworkFaultKinds.Crash"/>
    /// and <see cref="NetworkFaultKinds.LatencySpike"/>.</summary>
    public NetworkFaultKinds Kind { get; }

    /// <summary>Gets the hosts the fault touches: the two ends of a link (ordered by name) for a partition or a latency
    /// spike, the one host for a crash.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>Gets when the fault begins, in virtual time since the start of the run.</summary>
    public TimeSpan At { get; }

    /// <summary>Gets how long the fault lasts, in virtual time, before the link heals, the host restarts or the latency
    /// is restored.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets the latency a spike adds to each message across its link, one way; <see cref="TimeSpan.Zero"/>
    /// for the other kinds.</summary>
    public TimeSpan ExtraLatency { get; }

    // "partition a|b", "crash c", "latency a|b": the fault's task is named "fault: " and this.
    internal string Subject => Kind switch
    {
        NetworkFaultKinds.Partition => $"partition {string.Join('|', Hosts)}",
        NetworkFaultKinds.Crash => $"crash {Hosts[0]}",
        _ => $"latency {string.Join('|', Hosts)} +{TimeFormat.Duration(ExtraLatency)}",
    };

    /// <summary>Describes the fault, for example "partition a|b at 00:00:01.25 for 0.5 s".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Subject} at {TimeFormat.Instant(At)} for {TimeFormat.Duration(Duration)}";
}
