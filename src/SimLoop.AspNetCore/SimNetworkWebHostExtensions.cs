using System;
using Microsoft.AspNetCore.Builder;

namespace SimLoop;

/// <summary>Adds real ASP.NET Core applications to a <see cref="SimNetwork"/> as hosts.</summary>
public static class SimNetworkWebHostExtensions
{
    /// <summary>Adds a host named <paramref name="name"/> that is a <see cref="WebApplication"/>: built from
    /// <paramref name="configure"/> and <paramref name="map"/>, served by ASP.NET Core's in-memory server, on the
    /// simulation's clock, with its outgoing HttpClients routed through <paramref name="network"/>.</summary>
    /// <param name="network">The network to add the host to.</param>
    /// <param name="name">The host's name, as it appears in URLs (<c>http://<paramref name="name"/>/...</c>).</param>
    /// <param name="configure">Configures the application's builder: its services (controllers, HttpClients, hosted
    /// services), options and logging.</param>
    /// <param name="map">Configures the built application: its middleware and endpoints.</param>
    /// <returns>The host, whose <see cref="SimWebHost.Services"/> is the running application's service provider.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a host name a URL can carry, or
    /// <paramref name="network"/> has a host of that name already.</exception>
    /// <exception cref="InvalidOperationException">Called outside the simulation <paramref name="network"/> was made in.</exception>
    /// <remarks>
    /// <para>The application is built at once (so <paramref name="configure"/> and <paramref name="map"/> run inside this
    /// call) and started by a task of its own, "<paramref name="name"/>: start"; requests that arrive before it has
    /// started wait for it. Each request runs the application's pipeline in the handler task the network starts for it,
    /// and the caller's abort (its timeout, its cancellation, its crash) reaches the application as
    /// <c>HttpContext.RequestAborted</c>, with the cause chained into what the handler does with that token.</para>
    /// <para>What the application gets: <see cref="TimeProvider"/> is the simulation's clock; its loggers write through
    /// <see cref="Simulation.CreateLogger(string)"/>, stamped with virtual time, step and task; every client that
    /// <c>IHttpClientFactory</c> creates sends from this host through the network, and its
    /// <see cref="System.Net.Http.HttpClient.Timeout"/> (100 s unless configured) is kept by the network in virtual
    /// time; the host's shutdown and start-up timeouts are off (they are real timers). Services registered in
    /// <paramref name="configure"/> for <see cref="TimeProvider"/> are replaced.</para>
    /// <para><see cref="SimNetwork.Crash"/> stops the application at once (its in-flight requests fail, its hosted
    /// services are stopped without waiting) and disposes it; <see cref="SimNetwork.Restart"/> builds it again from
    /// <paramref name="configure"/> and <paramref name="map"/> (<see cref="SimWebHost.Generation"/> counts the builds).
    /// State that should survive a crash is the user's to keep outside the application.</para>
    /// </remarks>
    public static SimWebHost AddWebHost(
        this SimNetwork network, string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        var host = new SimWebHost(network, name, configure, map);
        host.Build();
        try
        {
            network.AddHost(name, host.ServeAsync, host.Lifecycle);
        }
        catch
        {
            host.DisposeUnstarted();
            throw;
        }

        host.Start();
        return host;
    }
}
