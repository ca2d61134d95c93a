using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

// docs/aspnetcore.md's sample, as the guide shows it (URIs as Uri objects, as the analyzers here want): shop's 1 s
// HttpClient.Timeout ends its call to the slow prices service at 1 s of virtual time after it was sent.
public class GuideExampleTests
{
    [Test]
    public void GuideSample_ShopsTimeout_EndsTheCallInVirtualTime()
    {
        string answer = new Simulation(new SimulationOptions { Seed = 42 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("prices", builder => { }, app => app.MapGet("/item/{id}",
                async (int id, TimeProvider clock, CancellationToken aborted) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), clock, aborted);
                    return id * 7;
                }));
            net.AddWebHost("shop",
                builder => builder.Services.AddHttpClient("prices", client => client.Timeout = TimeSpan.FromSeconds(1)),
                app => app.MapGet("/buy/{id}", async (int id, IHttpClientFactory clients) =>
                {
                    try
                    {
                        return "price " + await clients.CreateClient("prices").GetStringAsync(new Uri($"http://prices/item/{id}"));
                    }
                    catch (TaskCanceledException)
                    {
                        return $"prices gave no answer by {Sim.Elapsed}";
                    }
                }));

            using HttpClient user = net.CreateClient("user");
            return await user.GetStringAsync(new Uri("http://shop/buy/7"));
        });

        Assert.That(answer, Does.Match(@"^prices gave no answer by 00:00:01\.00\d+$"));
    }

    [Test]
    public void PackageReadmeSample_AnswersThePrice()
    {
        string answer = new Simulation(new SimulationOptions { Seed = 42 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("prices", builder => { }, app => app.MapGet("/item/{id}", (int id) => id * 7));
            net.AddWebHost("shop",
                builder => builder.Services.AddHttpClient("prices", client => client.Timeout = TimeSpan.FromSeconds(1)),
                app => app.MapGet("/buy/{id}", async (int id, IHttpClientFactory clients) =>
                    "price " + await clients.CreateClient("prices").GetStringAsync(new Uri($"http://prices/item/{id}"))));

            using HttpClient user = net.CreateClient("user");
            return await user.GetStringAsync(new Uri("http://shop/buy/7"));
        });

        Assert.That(answer, Is.EqualTo("price 49"));
    }
}
