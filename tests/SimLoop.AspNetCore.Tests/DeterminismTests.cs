using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

// The three applications' run is a function of the seed and the strategy: the same options twice give the same
// lines and the same fingerprint, under every strategy, and different seeds order the messages differently.
public class DeterminismTests
{
    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    [TestCase(ScheduleStrategy.Portfolio)]
    public void Chain_SameSeedTwice_SameLinesAndFingerprint(ScheduleStrategy strategy)
    {
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            Services.Outcome first = Services.Run(JitteredChain, seed, strategy);
            Services.Outcome second = Services.Run(JitteredChain, seed, strategy);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"seed {seed}");
                Assert.That(second.Steps, Is.EqualTo(first.Steps), $"seed {seed}");
                Assert.That(second.Lines, Is.EqualTo(first.Lines), $"seed {seed}");
                Assert.That(first.Lines, Has.Some.Contains("a's timeout of 1 s"), $"seed {seed}");
            }
        }
    }

    [Test]
    public void Chain_DifferentSeeds_DifferentTimesAndFingerprints()
    {
        Services.Outcome[] runs = [.. Enumerable.Range(1, 5).Select(seed => Services.Run(JitteredChain, seed, ScheduleStrategy.Random))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.GreaterThan(1));
            Assert.That(runs.Select(r => string.Join("\n", r.Lines)).Distinct().Count(), Is.GreaterThan(1));
        }
    }

    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    [TestCase(ScheduleStrategy.Portfolio)]
    public void ChainWithPartitionsAndCrashes_SameSeedTwice_SameLinesAndFingerprint(ScheduleStrategy strategy)
    {
        foreach (long seed in new long[] { 1, 2 })
        {
            Services.Outcome first = Services.Run(FaultedChain, seed, strategy);
            Services.Outcome second = Services.Run(FaultedChain, seed, strategy);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"seed {seed}");
                Assert.That(second.Lines, Is.EqualTo(first.Lines), $"seed {seed}");
                Assert.That(first.Lines, Has.Some.Contains("ConnectionError"), $"seed {seed}: the crash failed a request");
                Assert.That(first.Lines, Has.Some.Contains("timeout"), $"seed {seed}: the partition timed a request out");
                Assert.That(first.Lines[^1], Does.EndWith("a got b"), $"seed {seed}: b answers again after its restart");
            }
        }
    }

    // a asks b (with a 200 ms timeout) every 300 ms for 3 s while a|b is cut (0.5 to 1.2 s) and b is down (1.8 to 2.4 s).
    private static async Task FaultedChain(List<string> lines)
    {
        var net = new SimNetwork();
        net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
        net.AddWebHost("b", _ => { }, app => app.MapGet("/x", () => "b"));
        net.AddWebHost("a", builder => builder.Services.AddHttpClient("b", c => c.Timeout = TimeSpan.FromMilliseconds(200)),
            app => app.MapGet("/go", async (IHttpClientFactory clients) =>
            {
                try
                {
                    return "a got " + await clients.CreateClient("b").GetStringAsync(new Uri("http://b/x"));
                }
                catch (TaskCanceledException)
                {
                    return "a: timeout";
                }
                catch (HttpRequestException failed)
                {
                    return $"a: {failed.HttpRequestError}";
                }
            }));
        Simulation sim = Sim.Current;
        sim.At(TimeSpan.FromSeconds(0.5), () => net.Partition("a", "b"));
        sim.At(TimeSpan.FromSeconds(1.2), () => net.Heal("a", "b"));
        sim.At(TimeSpan.FromSeconds(1.8), () => net.Crash("b"));
        sim.At(TimeSpan.FromSeconds(2.4), () => net.Restart("b"));
        using HttpClient user = net.CreateClient("user");
        for (int i = 0; i < 10; i++)
        {
            string answer = await user.GetStringAsync(new Uri("http://a/go"));
            lines.Add($"{Services.At()} user: {answer}");
            await Sim.Delay(TimeSpan.FromMilliseconds(300));
        }
    }

    // The chain with the default latencies, 1 to 5 ms drawn from the seed, so times differ from seed to seed.
    private static async Task JitteredChain(List<string> lines)
    {
        var net = new SimNetwork();
        Services.AddChain(net, lines);
        using HttpClient user = net.CreateClient("user");
        using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/go"));
        lines.Add($"{Services.At()} user: {(int)answer.StatusCode}");
        await Sim.Delay(TimeSpan.FromSeconds(10));
    }
}
