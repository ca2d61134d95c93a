namespace SimLoop.Network.Tests;

// Latency comes from the seed: equal seeds replay exactly, different seeds reorder concurrent responses.
public class LatencyTests
{
    private static async Task TwoConcurrentRequests(List<string> lines)
    {
        var net = new SimNetwork();
        net.AddHost("user", Hosts.NotFound);
        net.AddHost("b", (request, token) => Task.FromResult(Hosts.Text("b")));
        net.AddHost("c", (request, token) => Task.FromResult(Hosts.Text("c")));
        using HttpClient client = net.CreateClient("user");
        SimTask[] calls = [.. new[] { "b", "c" }.Select(host => Sim.Spawn(async () =>
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri($"http://{host}/"));
            lines.Add(await response.Content.ReadAsStringAsync());
            lines.Add(Sim.Elapsed.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, "call " + host))];
        foreach (SimTask call in calls)
        {
            await call;
        }
    }

    [Test]
    public void SameSeed_SameFingerprintAndOutput()
    {
        for (long seed = 0; seed < 5; seed++)
        {
            Hosts.Outcome first = Hosts.Run(TwoConcurrentRequests, seed);
            Hosts.Outcome second = Hosts.Run(TwoConcurrentRequests, seed);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"seed {seed}");
                Assert.That(second.Lines, Is.EqualTo(first.Lines), $"seed {seed}");
            }
        }
    }

    [Test]
    public void DifferentSeeds_BothResponseOrdersAndManyFingerprints()
    {
        var orders = new HashSet<string>();
        var fingerprints = new HashSet<string>();
        for (long seed = 0; seed < 20; seed++)
        {
            Hosts.Outcome run = Hosts.Run(TwoConcurrentRequests, seed);
            orders.Add(run.Lines[0] + run.Lines[2]);
            fingerprints.Add(run.Fingerprint);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orders, Is.EquivalentTo(new[] { "bc", "cb" }));
            Assert.That(fingerprints, Has.Count.GreaterThan(10));
        }
    }

    [Test]
    public void DefaultLatency_EachRoundTripTakesTwoDrawsBetweenOneAndFiveMilliseconds()
    {
        for (long seed = 0; seed < 10; seed++)
        {
            Hosts.Outcome run = Hosts.Run(TwoConcurrentRequests, seed);
            foreach (long ticks in new[] { long.Parse(run.Lines[1], System.Globalization.CultureInfo.InvariantCulture), long.Parse(run.Lines[3], System.Globalization.CultureInfo.InvariantCulture) })
            {
                Assert.That(TimeSpan.FromTicks(ticks), Is.InRange(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10)), $"seed {seed}");
            }
        }
    }

    [Test]
    public void FixedLatency_ARoundTripTakesExactlyTwoLatencies()
    {
        TimeSpan elapsed = new Simulation().Run(async () =>
        {
            var net = new SimNetwork(new SimNetworkOptions { MinLatency = TimeSpan.FromMilliseconds(7), MaxLatency = TimeSpan.FromMilliseconds(7) });
            net.AddHost("a", Hosts.NotFound);
            using HttpClient client = net.CreateClient("a");
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://a/"));
            Assert.That((int)response.StatusCode, Is.EqualTo(404));
            return Sim.Elapsed;
        });
        Assert.That(elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(14)));
    }
}
