using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

// The notes' a -> b -> c chain as three ASP.NET Core applications, and small helpers the tests share. a calls b with an
// IHttpClientFactory client whose HttpClient.Timeout is 1 s; b calls c with the request's RequestAborted; c takes 5 s.
internal static class Services
{
    public static readonly SimNetworkOptions TenMilliseconds = new()
    {
        MinLatency = TimeSpan.FromMilliseconds(10),
        MaxLatency = TimeSpan.FromMilliseconds(10),
    };

    public static string At() => Sim.Elapsed.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    public static void AddChain(SimNetwork net, List<string> lines)
    {
        net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)));
        net.AddWebHost("c", _ => { }, app => app.MapGet("/y", async (HttpContext context, TimeProvider clock) =>
        {
            context.RequestAborted.Register(() => lines.Add($"{At()} c: RequestAborted"));
            await Task.Delay(TimeSpan.FromSeconds(5), clock, context.RequestAborted);
            return "c";
        }));
        net.AddWebHost("b", builder => builder.Services.AddHttpClient("c"), app => app.MapGet("/x",
            async (HttpContext context, IHttpClientFactory clients) =>
            {
                context.RequestAborted.Register(() => lines.Add($"{At()} b: RequestAborted"));
                try
                {
                    return "b got " + await clients.CreateClient("c").GetStringAsync(new Uri("http://c/y"), context.RequestAborted);
                }
                catch (OperationCanceledException cancelled)
                {
                    lines.Add($"{At()} b: {cancelled.GetType().Name}: {cancelled.Message}");
                    throw;
                }
            }));
        net.AddWebHost("a", builder => builder.Services.AddHttpClient("b", client => client.Timeout = TimeSpan.FromSeconds(1)),
            app => app.MapGet("/go", async (IHttpClientFactory clients) =>
            {
                try
                {
                    return Results.Text("a got " + await clients.CreateClient("b").GetStringAsync(new Uri("http://b/x")));
                }
                catch (TaskCanceledException timeout) when (timeout.InnerException is TimeoutException inner)
                {
                    lines.Add($"{At()} a: {inner.Message}");
                    return Results.Text("a timed out", statusCode: StatusCodes.Status504GatewayTimeout);
                }
            }));
    }

    public static async Task Chain(List<string> lines)
    {
        var net = new SimNetwork(TenMilliseconds);
        AddChain(net, lines);
        using HttpClient user = net.CreateClient("user");
        using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/go"));
        string body = await answer.Content.ReadAsStringAsync();
        lines.Add($"{At()} user: {(int)answer.StatusCode} {body}");
        await Sim.Delay(TimeSpan.FromSeconds(10)); // past c's 5 s, had it not been cancelled
    }

    // Assert.ThrowsAsync would wait on the test framework's side; inside a simulation the awaiting happens on the loop.
    public static async Task<T> Catch<T>(Func<Task> call)
        where T : Exception
    {
        try
        {
            await call();
        }
        catch (T expected)
        {
            return expected;
        }

        throw new AssertionException($"Expected {typeof(T).Name}, but the call completed.");
    }

    public sealed record Outcome(IReadOnlyList<string> Lines, string Fingerprint, long Steps);

    public static Outcome Run(Func<List<string>, Task> body, long seed = 0, ScheduleStrategy strategy = ScheduleStrategy.Fifo)
    {
        var lines = new List<string>();
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = strategy });
        sim.Run(() => body(lines));
        return new Outcome(lines, sim.Trace.Fingerprint, sim.Steps);
    }
}
