using System.Net;

namespace SimLoop.Network.Tests;

// The example of docs/network.md, as written there (the handler's token aside), with what it prints.
public class ReadmeExampleTests
{
    [Test]
    public void ReadmeExample_GivesUpAtOneSecond_AndCancelsTheHandler()
    {
        var lines = new List<string>();
        new Simulation(new SimulationOptions { Seed = 42 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("shop", (request, token) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));
            net.AddHost("prices", async (request, token) =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
                    return new HttpResponseMessage { Content = new StringContent("42") };
                }
                catch (SimCancelledException cancelled)
                {
                    lines.Add(cancelled.Cause!.Reason);
                    throw;
                }
            });

            using HttpClient prices = net.CreateClient("shop", timeout: TimeSpan.FromSeconds(1));
            try { await prices.GetStringAsync("http://prices/item/7"); }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                lines.Add($"{Sim.Elapsed}: gave up");
            }

            await Sim.Delay(TimeSpan.FromSeconds(5));
        });
        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:01: gave up",
            "the request GET http://prices/item/7 from shop was aborted at 00:00:01: shop's timeout of 1 s",
        }));
    }
}
