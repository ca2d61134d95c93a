using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SimLoop;

// How one build of a host's WebApplication is made: the user's builder and pipeline around the simulation's seams
// (the in-memory server, the clock, the loggers, the network under IHttpClientFactory). Everything that would start a
// real timer, a thread or a socket in a default WebApplication is replaced or turned off here.
internal static class WebHostBuild
{
    public static WebApplication Build(
        SimNetwork network, string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        Simulation simulation = Sim.Current;
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // Watching appsettings.json for changes starts a file watcher of its own thread.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseTestServer(server => server.PreserveExecutionContext = true);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new VirtualTimeLoggerProvider(simulation));

        configure(builder);

        // After the user's configuration, so that these win.
        IServiceCollection services = builder.Services;
        services.AddSingleton<TimeProvider>(simulation.Clock);
        services.RemoveAll<IHostLifetime>();
        services.AddSingleton<IHostLifetime, SimHostLifetime>();
        services.PostConfigure<HostOptions>(options =>
        {
            // Both are real timers when set; a crash stops the application without waiting anyway.
            options.ShutdownTimeout = System.Threading.Timeout.InfiniteTimeSpan;
            options.StartupTimeout = System.Threading.Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<IPostConfigureOptions<HttpClientFactoryOptions>>(new NetworkHttpClients(network, name));

        WebApplication application = builder.Build();
        map(application);
        return application;
    }
}
