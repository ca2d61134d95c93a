using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.Consumer.Tests;

// SimLoop.AspNetCore as a package: two ASP.NET Core services on the simulated network, the caller's 1 s HttpClient
// timeout kept in virtual time, and the slow service's RequestAborted fired by the caller's abort.
public class AspNetCoreTests
{
    [Test]
    public void TwoServices_CallersTimeout_AbortsTheSlowService()
    {
        var lines = new List<string>();
        new Simulation(new SimulationOptions { Seed = 3 }).Run(async () =>
        {
            var net = new SimNetwork(new SimNetworkOptions { MinLatency = TimeSpan.FromMilliseconds(10), MaxLatency = TimeSpan.FromMilliseconds(10) });
            net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("prices", _ => { }, app => app.MapGet("/", async (HttpContext context, TimeProvider clock) =>
            {
                context.RequestAborted.Register(() => lines.Add($"{Sim.Elapsed.TotalMilliseconds} prices: aborted"));
                await Task.Delay(TimeSpan.FromSeconds(5), clock, context.RequestAborted);
                return "42";
            }));
            SimWebHost shop = net.AddWebHost("shop",
                builder => builder.Services.AddHttpClient("prices", client => client.Timeout = TimeSpan.FromSeconds(1)),
                app => app.MapGet("/", async (IHttpClientFactory clients) =>
                {
                    try
                    {
                        return await clients.CreateClient("prices").GetStringAsync(new Uri("http://prices/"));
                    }
                    catch (TaskCanceledException)
                    {
                        return "timed out";
                    }
                }));
            using HttpClient user = net.CreateClient("user");
            string answer = await user.GetStringAsync(new Uri("http://shop/"));
            lines.Add($"{Sim.Elapsed.TotalMilliseconds} user: {answer}, shop generation {shop.Generation}");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(lines, Is.EqualTo(new[] { "1020 prices: aborted", "1020 user: timed out, shop generation 1" }));
    }
}
