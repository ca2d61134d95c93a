using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop;

/// <summary>An ASP.NET Core application running as a host of a <see cref="SimNetwork"/>, as
/// <see cref="SimNetworkWebHostExtensions.AddWebHost"/> made it.</summary>
/// <remarks>Each crash and restart of the host replaces the application: read <see cref="Application"/> and
/// <see cref="Services"/> again after a restart.</remarks>
public sealed class SimWebHost
{
    private readonly SimNetwork _network;
    private readonly Action<WebApplicationBuilder> _configure;
    private readonly Action<WebApplication> _map;
    private Incarnation? _current;

    internal SimWebHost(SimNetwork network, string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        _network = network;
        Name = name;
        _configure = configure;
        _map = map;
        Lifecycle = new WebHostLifecycle(this);
    }

    /// <summary>Gets the host's name, as it appears in URLs.</summary>
    public string Name { get; }

    /// <summary>Gets how many times the application has been built: 1 at first, one more for each restart.</summary>
    public int Generation { get; private set; }

    /// <summary>Gets the current application, or <see langword="null"/> while the host is crashed.</summary>
    public WebApplication? Application => _current?.Application;

    /// <summary>Gets the current application's services.</summary>
    /// <exception cref="InvalidOperationException">The host is crashed.</exception>
    public IServiceProvider Services => Application?.Services
        ?? throw new InvalidOperationException($"Host \"{Name}\" is crashed: it has no application until it restarts.");

    internal ISimHostLifecycle Lifecycle { get; }

    // Builds the application now, so the user's callbacks run (and throw) in the call that asked for the build.
    internal void Build()
    {
        WebApplication application = WebHostBuild.Build(_network, Name, _configure, _map);
        Generation++;
        _current = new Incarnation(application);
    }

    // Starts the built application as a task of its own; requests wait for it.
    internal void Start()
    {
        Incarnation incarnation = _current!;
        incarnation.Started = Sim.Spawn(() => StartAsync(incarnation), $"{Name}: start");
    }

    // The network refused the host (a duplicate name): the application never started and is let go at once.
    internal void DisposeUnstarted()
    {
        ((IDisposable)_current!.Application).Dispose();
        _current = null;
        Generation = 0;
    }

    // The network's handler for this host: the request runs through the in-memory server of the application that is
    // current when it arrives, once that application has started, and its response is read whole before it travels.
    // The in-memory server reports an aborted request as an I/O failure ("The client aborted the request"); the
    // network is told what it was, the cancellation of this request, so the handler task ends cancelled, not faulted.
    internal async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, CancellationToken token)
    {
        Incarnation incarnation = _current
            ?? throw new InvalidOperationException($"Host \"{Name}\" received a request while crashed.");
        await incarnation.Started!;
        HttpResponseMessage? response = null;
        try
        {
            response = await incarnation.Invoker!.SendAsync(request, token);
            await response.Content.LoadIntoBufferAsync(token);
            return response;
        }
        catch (Exception aborted) when (token.IsCancellationRequested && aborted is not OperationCanceledException)
        {
            response?.Dispose();
            throw new OperationCanceledException($"The request {request.Method} {request.RequestUri} to {Name} was aborted.", aborted, token);
        }
    }

    private static async Task StartAsync(Incarnation incarnation)
    {
        await incarnation.Application.StartAsync();
        incarnation.Invoker = new HttpMessageInvoker(incarnation.Application.GetTestServer().CreateHandler());
    }

    private void Crash()
    {
        Incarnation? crashed = _current;
        _current = null;
        if (crashed is not null)
        {
            Sim.Spawn(() => StopAsync(crashed), $"{Name}: stop");
        }
    }

    // A crash, not a graceful shutdown: hosted services are told to stop with a token that is already cancelled, so
    // nothing waits for them, and the application is disposed.
    private static async Task StopAsync(Incarnation crashed)
    {
        try
        {
            await crashed.Started!;
            crashed.Invoker!.Dispose();
            await crashed.Application.StopAsync(new CancellationToken(canceled: true));
        }
        finally
        {
            // Also when it never started (its start failed, or the crash cancelled it): nothing to stop, only to dispose.
            await crashed.Application.DisposeAsync();
        }
    }

    // One build of the application, from its start to its crash.
    private sealed class Incarnation(WebApplication application)
    {
        public WebApplication Application { get; } = application;

        public SimTask? Started { get; set; }

        public HttpMessageInvoker? Invoker { get; set; }
    }

    private sealed class WebHostLifecycle(SimWebHost host) : ISimHostLifecycle
    {
        public void OnCrash(string reason) => host.Crash();

        public void OnRestart()
        {
            host.Build();
            host.Start();
        }
    }
}
