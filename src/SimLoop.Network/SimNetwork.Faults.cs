using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SimLoop;

// The network's side of a NetworkFaultPlan: each drawn fault runs as a task of its own that waits for its time, cuts a
// link, crashes a host or slows a link, waits for its duration and undoes what it did. Being tasks, faults interleave
// with the hosts' work under every strategy, and whatever a crash cancels names the fault's task as the requester.
public sealed partial class SimNetwork
{
    internal const string FaultCategory = "SimLoop.Network.Faults";

    // Extra one-way latency per link while spikes last; spikes on one link add up.
    private readonly Dictionary<(string, string), TimeSpan> _extraLatency = [];

    // The hosts in name order: a plan draws from them, and a Dictionary's order is not one to draw from.
    internal IReadOnlyList<string> HostNamesForFaults()
    {
        CheckSimulation();
        return [.. _hosts.Values.Select(static host => host.Name).Order(StringComparer.Ordinal)];
    }

    internal void ScheduleFaults(IReadOnlyList<NetworkFault> faults)
    {
        CheckSimulation();
        ILogger log = _simulation.CreateLogger(FaultCategory);
        foreach (NetworkFault fault in faults)
        {
            FaultLog.Planned(log, fault.ToString(), null);
            _simulation.Spawn(() => RunFault(fault, log), "fault: " + fault.Subject);
        }
    }

    private TimeSpan ExtraLatency(Host x, Host y) =>
        _extraLatency.Count > 0 && _extraLatency.TryGetValue(Link(x, y), out TimeSpan extra) ? extra : TimeSpan.Zero;

    private async Task RunFault(NetworkFault fault, ILogger log)
    {
        await Sim.Delay(fault.At > _simulation.Elapsed ? fault.At - _simulation.Elapsed : TimeSpan.Zero);
        string subject = fault.Subject;
        if (AlreadyFaulted(fault) is { } why)
        {
            FaultLog.Skipped(log, subject, why, null);
            return;
        }

        FaultLog.Began(log, subject, TimeFormat.Duration(fault.Duration), null);
        Begin(fault);
        await Sim.Delay(fault.Duration);
        End(fault);
        FaultLog.Ended(log, subject, null);
    }

    // Why a fault leaves its host or link alone: someone else crashed or cut it, and will restart or heal it.
    private string? AlreadyFaulted(NetworkFault fault) => fault.Kind switch
    {
        NetworkFaultKinds.Crash when _hosts[fault.Hosts[0]].IsDown => "the host is crashed already",
        NetworkFaultKinds.Partition when IsCut(_hosts[fault.Hosts[0]], _hosts[fault.Hosts[1]]) => "the link is cut already",
        _ => null,
    };

    private void Begin(NetworkFault fault)
    {
        switch (fault.Kind)
        {
            case NetworkFaultKinds.Partition:
                Partition(fault.Hosts[0], fault.Hosts[1]);
                break;
            case NetworkFaultKinds.Crash:
                Crash(fault.Hosts[0]);
                break;
            default:
                AddExtraLatency(fault, fault.ExtraLatency);
                break;
        }
    }

    private void End(NetworkFault fault)
    {
        switch (fault.Kind)
        {
            case NetworkFaultKinds.Partition:
                Heal(fault.Hosts[0], fault.Hosts[1]);
                break;
            case NetworkFaultKinds.Crash:
                if (_hosts[fault.Hosts[0]].IsDown)
                {
                    Restart(fault.Hosts[0]); // unless the test restarted it first
                }

                break;
            default:
                AddExtraLatency(fault, -fault.ExtraLatency);
                break;
        }
    }

    private void AddExtraLatency(NetworkFault fault, TimeSpan extra)
    {
        (string, string) link = Link(_hosts[fault.Hosts[0]], _hosts[fault.Hosts[1]]);
        TimeSpan total = (_extraLatency.TryGetValue(link, out TimeSpan before) ? before : TimeSpan.Zero) + extra;
        if (total == TimeSpan.Zero)
        {
            _extraLatency.Remove(link);
        }
        else
        {
            _extraLatency[link] = total;
        }
    }
}
