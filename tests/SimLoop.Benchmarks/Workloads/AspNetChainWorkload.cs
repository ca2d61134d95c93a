using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SimLoop.Benchmarks.Workloads;

// Three ASP.NET Core services a -> b -> c, two ways: c answers 40, b and a each ask the next and add one; a user sends
// sequential requests to a and checks every answer is 42. The endpoints are the same code each time; the applications
// are built and started inside each operation, both ways. In a simulation, on SimNetwork (AddWebHost, latency from the
// seed); as the baseline, on plain in-memory servers wired to each other (no SimLoop, real time, the thread pool).
internal static class AspNetChainWorkload
{
    public static long RunSimLoop(int requests, long seed = 0) =>
        new Simulation(new SimulationOptions { Seed = seed, TraceCapacity = 0 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("c", Quiet, MapC);
            net.AddWebHost("b", builder => Quiet(builder.Services.AddHttpClient("next").Services), app => MapCaller(app, "c"));
            net.AddWebHost("a", builder => Quiet(builder.Services.AddHttpClient("next").Services), app => MapCaller(app, "b"));
            using HttpClient user = net.CreateClient("user");
            return await Send(user, requests);
        });

    public static long RunTestServer(int requests) => RunTestServerAsync(requests).GetAwaiter().GetResult();

    private static async Task<long> RunTestServerAsync(int requests)
    {
        await using WebApplication c = await StartAsync(MapC, next: null);
        await using WebApplication b = await StartAsync(app => MapCaller(app, "c"), next: c);
        await using WebApplication a = await StartAsync(app => MapCaller(app, "b"), next: b);
        using HttpClient user = a.GetTestClient();
        return await Send(user, requests);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map, WebApplication? next)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        Quiet(builder);
        if (next is not null)
        {
            builder.Services.AddHttpClient("next").ConfigurePrimaryHttpMessageHandler(() => next.GetTestServer().CreateHandler());
        }

        WebApplication application = builder.Build();
        map(application);
        await application.StartAsync();
        return application;
    }

    private static async Task<long> Send(HttpClient user, int requests)
    {
        long answered = 0;
        for (int i = 0; i < requests; i++)
        {
            string answer = await user.GetStringAsync(new Uri("http://a/price"));
            answered += answer == "42" ? 1 : throw new InvalidOperationException($"request {i} was answered {answer}, not 42");
        }

        return answered;
    }

    private static void MapC(WebApplication app) => app.MapGet("/price", () => "40");

    private static void MapCaller(WebApplication app, string next) => app.MapGet("/price", async (IHttpClientFactory clients) =>
    {
        string answer = await clients.CreateClient("next").GetStringAsync(new Uri($"http://{next}/price"));
        return (int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    // No console logging in either: it would measure the console.
    private static void Quiet(WebApplicationBuilder builder) => builder.Logging.ClearProviders();

    private static void Quiet(IServiceCollection services) => services.AddLogging(logging => logging.ClearProviders());
}
