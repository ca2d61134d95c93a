using System;
using System.Collections.Generic;
using System.Linq;

namespace SimLoop;

/// <summary>Faults for a <see cref="SimNetwork"/> drawn from the simulation's seed: partitions, crashes and latency
/// spikes that begin and end at virtual times, so a test explores faults the way it explores schedules.</summary>
/// <remarks>
/// <para><see cref="Apply"/> draws <see cref="Count"/> faults from the simulation's seeded random source
/// (<see cref="Sim.Random"/>): for each, a kind among <see cref="Kinds"/>, the hosts it touches, a start within
/// <see cref="Window"/> of the time of the call and a duration up to <see cref="MaxDuration"/>. Each fault runs as a task
/// named after it ("fault: partition a|b", "fault: crash c"), so it appears in traces and timelines, and what it
/// cancels names it as the requester. The same seed draws the same faults; a failing seed replays with them.</para>
/// <para>A fault that finds its link cut or its host crashed already (by another fault or by the test) leaves it
/// alone, and so does not heal or restart it either. A fault whose task is cancelled (the end of the run) leaves the
/// network as it is. Faults are logged under the category <c>SimLoop.Network.Faults</c>.</para>
/// </remarks>
public sealed class NetworkFaultPlan
{
    private const int CountMax = 10_000;
    private static readonly TimeSpan s_timeMax = TimeSpan.FromDays(365);

    private readonly int _count = 3;
    private readonly TimeSpan _window = TimeSpan.FromSeconds(5);
    private readonly NetworkFaultKinds _kinds = NetworkFaultKinds.All;
    private readonly IReadOnlyList<string>? _crashableHosts;
    private readonly TimeSpan _maxDuration = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxExtraLatency = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets how many faults <see cref="Apply"/> schedules; 3 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or more than 10,000.</exception>
    public int Count
    {
        get => _count;
        init => _count = value is >= 0 and <= CountMax ? value : throw new ArgumentOutOfRangeException(nameof(Count), value,
            $"{nameof(Count)} must be between 0 and {CountMax:N0}; it was {value}.");
    }

    /// <summary>Gets the span of virtual time, from the call to <see cref="Apply"/>, within which faults begin; 5 s by
    /// default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or more than 365 days.</exception>
    public TimeSpan Window
    {
        get => _window;
        init => _window = Positive(value, nameof(Window));
    }

    /// <summary>Gets the kinds of fault to draw from; <see cref="NetworkFaultKinds.All"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is empty or has a flag that is not a kind.</exception>
    public NetworkFaultKinds Kinds
    {
        get => _kinds;
        init => _kinds = value != 0 && (value & ~NetworkFaultKinds.All) == 0 ? value : throw new ArgumentOutOfRangeException(
            nameof(Kinds), value, $"{nameof(Kinds)} must be Partition, Crash, LatencySpike or a combination of them; it was {(int)value}.");
    }

    /// <summary>Gets the hosts a crash may hit; <see langword="null"/> (the default) for every host of the network.</summary>
    /// <exception cref="ArgumentException">The list holds a <see langword="null"/> or empty name.</exception>
    /// <remarks>An empty list means no host may crash. <see cref="Apply"/> checks that every name is a host.</remarks>
    public IReadOnlyList<string>? CrashableHosts
    {
        get => _crashableHosts;
        init
        {
            if (value is not null && value.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"{nameof(CrashableHosts)} must hold host names; it held a null or empty one.",
                    nameof(CrashableHosts));
            }

            _crashableHosts = value is null ? null : [.. value];
        }
    }

    /// <summary>Gets the longest a fault lasts before its link heals, its host restarts or its latency is restored,
    /// in virtual time; 1 s by default. Each fault's duration is drawn between one tick and this.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or more than 365 days.</exception>
    public TimeSpan MaxDuration
    {
        get => _maxDuration;
        init => _maxDuration = Positive(value, nameof(MaxDuration));
    }

    /// <summary>Gets the most latency a spike adds to each message across its link, one way, in virtual time; 100 ms by
    /// default. Each spike's extra latency is drawn between one tick and this.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or more than 365 days.</exception>
    public TimeSpan MaxExtraLatency
    {
        get => _maxExtraLatency;
        init => _maxExtraLatency = Positive(value, nameof(MaxExtraLatency));
    }

    /// <summary>Draws the plan's faults from the simulation's seed and schedules each as a task on
    /// <paramref name="network"/>.</summary>
    /// <param name="network">The network whose hosts and links the faults hit; its hosts must be added already.</param>
    /// <returns>The scheduled faults, in the order they begin.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="CrashableHosts"/> names a host the network does not have, or the
    /// network has too few hosts for any of <see cref="Kinds"/> (a partition or a spike needs two hosts, a crash one
    /// crashable host) while <see cref="Count"/> is not zero.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation the network was made in.</exception>
    public IReadOnlyList<NetworkFault> Apply(SimNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        IReadOnlyList<string> hosts = network.HostNamesForFaults();
        IReadOnlyList<string> crashable = Crashable(network, hosts);
        List<NetworkFaultKinds> kinds = Feasible(hosts.Count, crashable.Count);
        if (kinds.Count == 0 && Count > 0)
        {
            throw new ArgumentException(
                $"The plan's kinds ({Kinds}) need two hosts for a partition or a spike, or a crashable host for a crash; " +
                $"the network has {hosts.Count} host(s), {crashable.Count} crashable.", nameof(network));
        }

        TimeSpan start = Sim.Elapsed;
        Random random = Sim.Random;
        var drawn = new List<NetworkFault>(Count);
        for (int i = 0; i < Count; i++)
        {
            drawn.Add(Draw(random, start, kinds, hosts, crashable));
        }

        List<NetworkFault> faults = [.. drawn.OrderBy(static f => f.At)]; // stable: equal times keep the draw order
        network.ScheduleFaults(faults);
        return faults;
    }

    private NetworkFault Draw(Random random, TimeSpan start, List<NetworkFaultKinds> kinds, IReadOnlyList<string> hosts,
        IReadOnlyList<string> crashable)
    {
        NetworkFaultKinds kind = kinds[random.Next(kinds.Count)];
        TimeSpan at = start + TimeSpan.FromTicks(random.NextInt64(0, Window.Ticks));
        TimeSpan duration = TimeSpan.FromTicks(random.NextInt64(1, MaxDuration.Ticks + 1));
        if (kind == NetworkFaultKinds.Crash)
        {
            return new NetworkFault(kind, [crashable[random.Next(crashable.Count)]], at, duration, TimeSpan.Zero);
        }

        int first = random.Next(hosts.Count);
        int second = random.Next(hosts.Count - 1);
        second += second >= first ? 1 : 0;
        string[] link = [hosts[Math.Min(first, second)], hosts[Math.Max(first, second)]];
        TimeSpan extra = kind == NetworkFaultKinds.LatencySpike
            ? TimeSpan.FromTicks(random.NextInt64(1, MaxExtraLatency.Ticks + 1))
            : TimeSpan.Zero;
        return new NetworkFault(kind, link, at, duration, extra);
    }

    // The crashable hosts in the network's order (by name), whatever order the plan listed them in.
    private IReadOnlyList<string> Crashable(SimNetwork network, IReadOnlyList<string> hosts)
    {
        if (CrashableHosts is null)
        {
            return hosts;
        }

        foreach (string name in CrashableHosts)
        {
            if (!hosts.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"{nameof(CrashableHosts)} names \"{name}\", which is not a host of the network; add it with AddHost first.",
                    nameof(network));
            }
        }

        return [.. hosts.Where(h => CrashableHosts.Contains(h, StringComparer.OrdinalIgnoreCase))];
    }

    private List<NetworkFaultKinds> Feasible(int hosts, int crashable)
    {
        var kinds = new List<NetworkFaultKinds>(3);
        if (Kinds.HasFlag(NetworkFaultKinds.Partition) && hosts >= 2)
        {
            kinds.Add(NetworkFaultKinds.Partition);
        }

        if (Kinds.HasFlag(NetworkFaultKinds.Crash) && crashable >= 1)
        {
            kinds.Add(NetworkFaultKinds.Crash);
        }

        if (Kinds.HasFlag(NetworkFaultKinds.LatencySpike) && hosts >= 2)
        {
            kinds.Add(NetworkFaultKinds.LatencySpike);
        }

        return kinds;
    }

    private static TimeSpan Positive(TimeSpan value, string property) =>
        value > TimeSpan.Zero && value <= s_timeMax ? value : throw new ArgumentOutOfRangeException(property, value,
            $"{property} must be positive and at most 365 days; it was {value}.");
}
