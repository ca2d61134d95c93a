using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

public class ChainTests
{
    [Test]
    public void Spike()
    {
        var lines = new List<string>();
        var sim = new Simulation();
        sim.Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("user", (r, t) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("c", b => { }, app => app.MapGet("/y", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestServices.GetRequiredService<TimeProvider>(), ctx.RequestAborted);
                return "c";
            }));
            net.AddWebHost("b", b => b.Services.AddHttpClient("c"), app => app.MapGet("/x", async (HttpContext ctx, IHttpClientFactory f) =>
            {
                try
                {
                    return "b got " + await f.CreateClient("c").GetStringAsync(new Uri("http://c/y"), ctx.RequestAborted);
                }
                catch (Exception e)
                {
                    lines.Add($"{Sim.Elapsed} b: {e.GetType().Name} {e.Message} | task {Sim.CurrentTask?.Name} cause {Sim.CurrentTask?.CancellationCause}");
                    throw;
                }
            }));
            net.AddWebHost("a", b => b.Services.AddHttpClient("b", c => c.Timeout = TimeSpan.FromSeconds(1)), app => app.MapGet("/go", async (IHttpClientFactory f) =>
            {
                try
                {
                    return "a got " + await f.CreateClient("b").GetStringAsync(new Uri("http://b/x"));
                }
                catch (Exception e)
                {
                    lines.Add($"{Sim.Elapsed} a: {e.GetType().Name} {e.Message}");
                    return "a timed out";
                }
            }));
            using HttpClient user = net.CreateClient("user");
            lines.Add($"{Sim.Elapsed} user: " + await user.GetStringAsync(new Uri("http://a/go")));
            await Sim.Delay(TimeSpan.FromSeconds(10));
        });
        foreach (var l in lines) TestContext.Out.WriteLine(l);
        TestContext.Out.WriteLine($"steps {sim.Steps} fp {sim.Trace.Fingerprint}");
        Assert.That(lines, Is.Not.Empty);
    }
}
