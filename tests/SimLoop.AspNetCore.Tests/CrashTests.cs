using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

// A crash stops the application: in-flight requests fail, its handlers see RequestAborted, and the host has no
// application until Restart builds a new one from the same callbacks (state inside the application starts over).
public class CrashTests
{
    private sealed class Counter
    {
        public int Count { get; set; }
    }

    private static SimWebHost AddCounterHost(SimNetwork net, List<string> lines) =>
        net.AddWebHost("b", builder => builder.Services.AddSingleton<Counter>(), app =>
        {
            app.MapPost("/count", (Counter counter) => ++counter.Count);
            app.MapGet("/slow", async (HttpContext context, TimeProvider clock) =>
            {
                context.RequestAborted.Register(() => lines.Add($"{Services.At()} b: RequestAborted"));
                await Task.Delay(TimeSpan.FromSeconds(10), clock, context.RequestAborted);
                return "slow";
            });
        });

    [Test]
    public void Crash_FailsTheInFlightRequest_AndAbortsItsHandler()
    {
        Services.Outcome run = Services.Run(async lines =>
        {
            var net = new SimNetwork(Services.TenMilliseconds);
            net.AddHost("a", (request, token) => Task.FromResult(new HttpResponseMessage()));
            SimWebHost b = AddCounterHost(net, lines);
            Sim.Current.At(TimeSpan.FromSeconds(1), () => net.Crash("b"));
            using HttpClient client = net.CreateClient("a");
            HttpRequestException failed = await Services.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/slow")));
            lines.Add($"{Services.At()} a: {failed.HttpRequestError}: {failed.Message}");
            lines.Add($"{Services.At()} b: application {(b.Application is null ? "gone" : "still there")}, generation {b.Generation}");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "00:00:01.000 a: ConnectionError: The request GET http://b/slow from a failed at 00:00:01: host b crashed.",
            "00:00:01.000 b: application gone, generation 1",
            "00:00:01.000 b: RequestAborted",
        }));
    }

    [Test]
    public void Restart_BuildsTheApplicationAgain_WithItsStateStartedOver()
    {
        Services.Outcome run = Services.Run(async lines =>
        {
            var net = new SimNetwork(Services.TenMilliseconds);
            net.AddHost("a", (request, token) => Task.FromResult(new HttpResponseMessage()));
            SimWebHost b = AddCounterHost(net, lines);
            using HttpClient client = net.CreateClient("a");
            async Task Count()
            {
                using HttpResponseMessage response = await client.PostAsync(new Uri("http://b/count"), null);
                string body = await response.Content.ReadAsStringAsync();
                lines.Add($"{Services.At()} count {body}, generation {b.Generation}");
            }

            await Count();
            await Count();
            WebApplication first = b.Application!;
            net.Crash("b");
            HttpRequestException refused = await Services.Catch<HttpRequestException>(Count);
            lines.Add($"{Services.At()} {refused.HttpRequestError}");
            net.Restart("b");
            await Count();
            lines.Add($"new application: {!ReferenceEquals(first, b.Application)}");
        });

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "00:00:00.020 count 1, generation 1",
            "00:00:00.040 count 2, generation 1",
            "00:00:00.040 ConnectionError",
            "00:00:00.060 count 1, generation 2",
            "new application: True",
        }));
    }

    [Test]
    public void Services_WhileCrashed_ThrowsNamingTheHost()
    {
        InvalidOperationException? error = null;
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork();
            SimWebHost b = net.AddWebHost("b", _ => { }, _ => { });
            _ = b.Services; // there while up
            net.Crash("b");
            error = Assert.Throws<InvalidOperationException>(() => _ = b.Services);
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(error?.Message, Does.Contain("\"b\" is crashed"));
    }
}
