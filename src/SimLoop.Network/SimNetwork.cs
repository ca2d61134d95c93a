using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

/// <summary>Hosts and the network between them, inside one running simulation: HttpClients whose requests reach
/// other hosts' handlers with a latency drawn from the seed, partitions, crashes and restarts, all in virtual time.</summary>
/// <remarks>
/// <para>A request from host a to <c>http://b/path</c> travels for a one-way latency (see <see cref="SimNetworkOptions"/>),
/// then b's handler runs as a task of its own named "b: GET /path", and its response travels back for another latency.
/// No socket and no real timer is involved; every choice comes from the simulation's seed, so a run replays exactly.</para>
/// <para>Cancellation crosses hosts as over TCP: when a's request is cancelled (its token, its client's timeout, the
/// cancellation of the task that sent it, a's crash), the abort travels to b and cancels b's handler task with a
/// cause that names a's request and a's reason. The handler's <see cref="CancellationToken"/> is that task's token,
/// so what b does on a's behalf with it is cancelled too, and the cause chain reads across hosts.</para>
/// <para>All members are called from inside the simulation the network was made in.</para>
/// </remarks>
public sealed partial class SimNetwork
{
    private readonly Simulation _simulation;
    private readonly Dictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string, string)> _partitions = [];

    /// <summary>Creates a network bound to the running simulation, with no hosts.</summary>
    /// <param name="options">The latency bounds; the defaults (1 to 5 ms) if <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SimNetworkOptions.MaxLatency"/> is less than
    /// <see cref="SimNetworkOptions.MinLatency"/>.</exception>
    public SimNetwork(SimNetworkOptions? options = null)
    {
        Options = options ?? new SimNetworkOptions();
        Options.Validate();
        _simulation = Sim.Current;
    }

    /// <summary>Gets the options this network was made with.</summary>
    public SimNetworkOptions Options { get; }

    /// <summary>Adds a host that answers every request sent to <c>http://<paramref name="name"/>/...</c> with
    /// <paramref name="handler"/>.</summary>
    /// <param name="name">The host's name, as it appears in URLs (a DNS label such as "b" or "orders"); compared
    /// ignoring case, as URL hosts are.</param>
    /// <param name="handler">Answers one request; it runs as a task of its own for each request, and its token is that
    /// task's <see cref="SimTask.CancellationToken"/>, cancelled when the caller aborts the request or this host crashes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a host name a URL can carry, or a host of that
    /// name was added already.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>A handler that throws (other than by its own cancellation) or returns <see langword="null"/> answers
    /// 500 Internal Server Error, as a web server would, with the exception in the body.</remarks>
    public void AddHost(string name, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> handler)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(handler);
        CheckSimulation();
        if (Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"A host name must be a DNS name a URL can carry, such as \"b\" or \"orders\"; it was \"{name}\".", nameof(name));
        }

        if (!_hosts.TryAdd(name, new Host(name, handler)))
        {
            throw new ArgumentException($"The network already has a host named \"{name}\".", nameof(name));
        }
    }

    /// <summary>Creates an <see cref="HttpClient"/> whose requests leave from <paramref name="fromHost"/> and reach,
    /// through this network, the host a URL such as <c>http://b/path</c> names.</summary>
    /// <param name="fromHost">The host the requests are sent from.</param>
    /// <returns>A client with <see cref="HttpClient.Timeout"/> off (it is a real timer); pass a token from
    /// <c>new CancellationTokenSource(timeout, sim.Clock)</c> or use <see cref="CreateClient(string, TimeSpan)"/> for a timeout
    /// in virtual time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fromHost"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="fromHost"/>.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>A request to a host the network does not have fails with <see cref="HttpRequestException"/> (name
    /// resolution), to a crashed host or from a crashed host with <see cref="HttpRequestException"/> at once; across a
    /// partition its packets are lost, so it ends only by its token or timeout.</remarks>
    public HttpClient CreateClient(string fromHost) => CreateClient(fromHost, System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Creates an <see cref="HttpClient"/> as <see cref="CreateClient(string)"/> does, whose every request is
    /// aborted after <paramref name="timeout"/> of virtual time.</summary>
    /// <param name="fromHost">The host the requests are sent from.</param>
    /// <param name="timeout">How long each request may take, in virtual time; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// for no limit.</param>
    /// <returns>A client with <see cref="HttpClient.Timeout"/> off and this timeout kept by the network instead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fromHost"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="fromHost"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>A request that times out throws what <see cref="HttpClient.Timeout"/> throws: a
    /// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/> (its message names the
    /// request and the timeout; the outer message is HttpClient's own). The abort reaches the server's handler with
    /// the cause "&lt;host&gt;'s timeout of &lt;timeout&gt;".</remarks>
    public HttpClient CreateClient(string fromHost, TimeSpan timeout)
    {
        return new HttpClient(CreateHandler(fromHost, timeout), disposeHandler: true)
        {
            // HttpClient keeps its own timeout with a real timer, which a simulation refuses: the network keeps it instead.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Cuts the link between hosts <paramref name="a"/> and <paramref name="b"/> both ways: messages between them
    /// are lost until <see cref="Heal"/>.</summary>
    /// <param name="a">One host.</param>
    /// <param name="b">The other host.</param>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is not a host of this network, or both name the same host.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>A message is lost if the link is cut when it is sent or when it would arrive. A request whose request or
    /// response is lost ends only by its token or its client's timeout; with neither, the simulation ends with its
    /// ordinary deadlock report. Partitioning a cut link again changes nothing.</remarks>
    public void Partition(string a, string b) => _partitions.Add(LinkOf(a, b, nameof(Partition)));

    /// <summary>Restores the link between hosts <paramref name="a"/> and <paramref name="b"/>; messages sent from now on arrive.</summary>
    /// <param name="a">One host.</param>
    /// <param name="b">The other host.</param>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is not a host of this network, or both name the same host.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>Messages lost while the link was cut stay lost. Healing a link that is not cut changes nothing.</remarks>
    public void Heal(string a, string b) => _partitions.Remove(LinkOf(a, b, nameof(Heal)));

    /// <summary>Crashes <paramref name="host"/>: its running handlers are cancelled, the requests it was serving or
    /// sending fail, and requests to it or from it fail at once until <see cref="Restart"/>.</summary>
    /// <param name="host">The host to crash.</param>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="host"/>.</exception>
    /// <exception cref="InvalidOperationException">The host is crashed already, or called outside the simulation this
    /// network was made in.</exception>
    /// <remarks>Callers of requests the host was serving get <see cref="HttpRequestException"/> at once; requests the host
    /// had sent fail with <see cref="HttpRequestException"/> and are aborted at their servers with the cause "host 'a'
    /// crashed"; the host's handler tasks are cancelled with that cause, in the order they started.</remarks>
    public void Crash(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        CheckSimulation();
        Host crashed = HostNamed(host, nameof(host));
        if (crashed.IsDown)
        {
            throw new InvalidOperationException($"Host \"{crashed.Name}\" is crashed already; Restart it first.");
        }

        crashed.IsDown = true;
        CrashExchanges(crashed);
        crashed.Lifecycle?.OnCrash($"host {crashed.Name} crashed");
    }

    /// <summary>Brings a crashed <paramref name="host"/> back with its handler; requests sent from now on reach it.</summary>
    /// <param name="host">The host to restart.</param>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="host"/>.</exception>
    /// <exception cref="InvalidOperationException">The host is not crashed, or called outside the simulation this network
    /// was made in.</exception>
    /// <remarks>Nothing of the crashed run carries over: state the host should keep across a crash is the user's to keep
    /// outside its handler's requests.</remarks>
    public void Restart(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        CheckSimulation();
        Host restarted = HostNamed(host, nameof(host));
        if (!restarted.IsDown)
        {
            throw new InvalidOperationException($"Host \"{restarted.Name}\" is not crashed; only a crashed host can be restarted.");
        }

        restarted.IsDown = false;
        restarted.Lifecycle?.OnRestart();
    }

    private (string, string) LinkOf(string a, string b, string member)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckSimulation();
        Host first = HostNamed(a, nameof(a));
        Host second = HostNamed(b, nameof(b));
        if (ReferenceEquals(first, second))
        {
            throw new ArgumentException($"{member} takes two different hosts; both were \"{first.Name}\".", nameof(b));
        }

        return Link(first, second);
    }

    // The key of the link between two hosts, the same whichever way round they are named.
    private static (string, string) Link(Host x, Host y) =>
        string.CompareOrdinal(x.Name, y.Name) < 0 ? (x.Name, y.Name) : (y.Name, x.Name);

    private bool IsCut(Host x, Host y) => !ReferenceEquals(x, y) && _partitions.Contains(Link(x, y));

    private Host HostNamed(string name, string parameter) =>
        _hosts.TryGetValue(name, out Host? host)
            ? host
            : throw new ArgumentException($"The network has no host named \"{name}\"; add it with AddHost first.", parameter);

    private void CheckSimulation()
    {
        if (!ReferenceEquals(Sim.Current, _simulation))
        {
            throw new InvalidOperationException(
                "This SimNetwork belongs to another simulation: make a SimNetwork inside each simulation that uses one.");
        }
    }
}
