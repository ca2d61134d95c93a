using System;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

public sealed partial class SimNetwork
{
    /// <summary>Starts background work that belongs to <paramref name="host"/> (a replicator, a flusher, a poller), as
    /// a task that the host's crash cancels.</summary>
    /// <param name="host">The host the work runs on.</param>
    /// <param name="body">The work; its token is the task's <see cref="SimTask.CancellationToken"/>.</param>
    /// <param name="name">What the work is; the task is named "&lt;host&gt;: &lt;name&gt;" in traces and timelines.</param>
    /// <returns>The task's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/>, <paramref name="body"/> or <paramref name="name"/>
    /// is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="host"/>, or
    /// <paramref name="name"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The host is crashed, or called outside the simulation this network
    /// was made in.</exception>
    /// <remarks>When the host crashes, the task is cancelled with the cause "host &lt;host&gt; crashed", requested by
    /// whoever crashed it (a fault's task is named after the fault). A restart does not start it again: what a host
    /// runs after a restart is started again by the code that restarts it, or lazily by its handler.</remarks>
    public SimTask Spawn(string host, Func<CancellationToken, Task> body, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckSimulation();
        Host owner = HostNamed(host, nameof(host));
        if (owner.IsDown)
        {
            throw new InvalidOperationException(
                $"Host {owner.Name} is crashed: it cannot start \"{name}\" until it is restarted.");
        }

        SimTask task = _simulation.Spawn(() => body(Sim.CurrentTask!.CancellationToken), $"{owner.Name}: {name}");
        owner.AddHandlerTask(task);
        return task;
    }
}
