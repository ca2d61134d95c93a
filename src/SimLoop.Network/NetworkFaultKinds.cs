using System;

namespace SimLoop;

/// <summary>The kinds of fault a <see cref="NetworkFaultPlan"/> draws: a set of flags.</summary>
[Flags]
public enum NetworkFaultKinds
{
    /// <summary>A link between two hosts is cut both ways, then healed.</summary>
    Partition = 1,

    /// <summary>A host crashes, then restarts.</summary>
    Crash = 2,

    /// <summary>Every message across a link takes longer, then the link's latency is restored.</summary>
    LatencySpike = 4,

    /// <summary>Partitions, crashes and latency spikes.</summary>
    All = Partition | Crash | LatencySpike,
}
