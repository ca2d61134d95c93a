using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.Examples.Notes;

// The notes' a -> b -> c story (reference/asyncio/request_chain.py) as it really happens: three ASP.NET Core services
// on a simulated network, 10 ms apart. A user asks a; a asks b with an HttpClient whose Timeout is 1 s; b asks c with
// its request's RequestAborted; c takes 5 s. a's timeout aborts its request to b, b's RequestAborted fires, b's call to
// c is cancelled, and c's RequestAborted fires in turn. The first exception in b is its call to c, which reads as if c
// were slow; its message says what really happened, and each service prints the chain it was given, in virtual time.
internal static class RequestChain
{
    private static readonly Regex LinkEnd = new("(?<=[0-9']|by the simulation): ", RegexOptions.CultureInvariant);

    private static readonly SimNetworkOptions TenMilliseconds = new()
    {
        MinLatency = TimeSpan.FromMilliseconds(10),
        MaxLatency = TimeSpan.FromMilliseconds(10),
    };

    public static async Task RunAsync(TextWriter output)
    {
        var net = new SimNetwork(TenMilliseconds);
        net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)));
        net.AddWebHost("c", _ => { }, app => app.MapGet("/price", (HttpContext context, TimeProvider clock) =>
            CServe(output, context, clock)));
        net.AddWebHost("b", builder => builder.Services.AddHttpClient("c"), app => app.MapGet("/quote",
            (HttpContext context, IHttpClientFactory clients) => BServe(output, context, clients.CreateClient("c"))));
        net.AddWebHost("a", builder => builder.Services.AddHttpClient("b", client => client.Timeout = TimeSpan.FromSeconds(1)),
            app => app.MapGet("/order", (TimeProvider clock, IHttpClientFactory clients) =>
                AServe(output, clock, clients.CreateClient("b"))));

        using HttpClient user = net.CreateClient("user");
        using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/order"));
        output.WriteLine($"{At()} user: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        await Sim.Delay(TimeSpan.FromSeconds(1)); // long enough for the abort to reach c
    }

    private static async Task<string> CServe(TextWriter output, HttpContext context, TimeProvider clock)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock, context.RequestAborted);
            return "c's price";
        }
        catch (OperationCanceledException)
        {
            Because(output, "c: handler for b aborted (RequestAborted)", Sim.CurrentTask?.CancellationCause?.ToString());
            throw;
        }
    }

    private static async Task<string> BServe(TextWriter output, HttpContext context, HttpClient toC)
    {
        // Not disposed: b's call to c fails inside the abort's callbacks, and a disposed registration would never run.
        context.RequestAborted.Register(() => output.WriteLine($"{At()} b: handler for a aborted (RequestAborted)"));
        try
        {
            return "b's quote from " + await toC.GetStringAsync(new Uri("http://c/price"), context.RequestAborted);
        }
        catch (OperationCanceledException cancelled)
        {
            // The first exception b sees: its call to c. Its message names what b's request was aborted for.
            Because(output, $"b: request to c cancelled ({cancelled.GetType().Name})", cancelled.Message);
            throw;
        }
    }

    private static async Task<IResult> AServe(TextWriter output, TimeProvider clock, HttpClient toB)
    {
        long start = clock.GetTimestamp();
        try
        {
            return Results.Text("a's order with " + await toB.GetStringAsync(new Uri("http://b/quote")));
        }
        catch (TaskCanceledException timeout) when (timeout.InnerException is TimeoutException)
        {
            output.WriteLine($"{At()} a: request to b timed out after {clock.GetElapsedTime(start).TotalSeconds:0} s");
            return Results.Text("a timed out", statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }

    // A cause as the network and SimLoop word it, "X at <time>: Y by the simulation: reason", one link per line. A
    // link ends in a time, "by the simulation" or "by 'task'"; a ": " elsewhere is inside a task's name ('b: GET /').
    private static void Because(TextWriter output, string what, string? cause)
    {
        output.WriteLine($"{At()} {what}, because");
        string[] links = LinkEnd.Split((cause ?? "no cause recorded").TrimEnd('.'));
        for (int i = 0; i < links.Length; i++)
        {
            output.WriteLine($"{(i == 0 ? "     " : "  <- ")}{links[i]}");
        }
    }

    private static string At() => TimeFormat.Instant(Sim.Elapsed);
}
