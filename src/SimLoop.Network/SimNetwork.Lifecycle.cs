using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// Hosts with a lifecycle (an application that is built, started, stopped), and the bottom of HttpClients that a
// host's own client factory builds: the seam packages such as SimLoop.AspNetCore plug into.
public sealed partial class SimNetwork
{
    /// <summary>Adds a host as <see cref="AddHost(string, Func{HttpRequestMessage, CancellationToken, Task{HttpResponseMessage}})"/>
    /// does, which <paramref name="lifecycle"/> is told of when the host crashes and restarts.</summary>
    /// <param name="name">The host's name, as it appears in URLs.</param>
    /// <param name="handler">Answers one request, as a task of its own for each request.</param>
    /// <param name="lifecycle">Told of the host's crashes and restarts, after the network has done its part.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="handler"/> or
    /// <paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a host name a URL can carry, or a host of that
    /// name was added already.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    public void AddHost(
        string name, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> handler, ISimHostLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        AddHost(name, handler);
        _hosts[name].Lifecycle = lifecycle;
    }

    /// <summary>Creates the message handler at the bottom of <see cref="CreateClient(string, TimeSpan)"/>'s clients, for
    /// clients built elsewhere (an <c>IHttpClientFactory</c>'s primary handler).</summary>
    /// <param name="fromHost">The host the requests are sent from.</param>
    /// <param name="timeout">How long each request may take, in virtual time;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <returns>A handler that carries each request through this network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fromHost"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no host named <paramref name="fromHost"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation this network was made in.</exception>
    /// <remarks>An <see cref="HttpClient"/> over it must have <see cref="HttpClient.Timeout"/> off: that timeout is a real
    /// timer, which a simulation refuses.</remarks>
    public HttpMessageHandler CreateHandler(string fromHost, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(fromHost);
        CheckTimeout(timeout);
        CheckSimulation();
        return new NetworkHandler(this, HostNamed(fromHost, nameof(fromHost)), timeout);
    }

    private static void CheckTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                $"{nameof(timeout)} must be positive, or Timeout.InfiniteTimeSpan for none; it was {timeout}.");
        }
    }
}
