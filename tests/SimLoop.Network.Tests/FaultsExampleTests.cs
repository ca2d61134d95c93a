using System.Net;

namespace SimLoop.Network.Tests;

// The Faults example of docs/network.md, as written there (Console.WriteLine aside): requests sent while prices is
// crashed are refused at once, requests lost to the partition end by the client's timeout, the rest are answered.
public class FaultsExampleTests
{
    [Test]
    public void FaultsExample_CrashRefuses_PartitionTimesOut_TheRestAnswer()
    {
        var lines = new List<(TimeSpan Sent, string Outcome)>();
        IReadOnlyList<NetworkFault> planned = [];
        new Simulation(new SimulationOptions { Seed = 1 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("shop", (request, token) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));
            net.AddHost("prices", (request, token) => Task.FromResult(new HttpResponseMessage { Content = new StringContent("42") }));

            IReadOnlyList<NetworkFault> faults = new NetworkFaultPlan
            {
                Count = 2,
                Window = TimeSpan.FromSeconds(1),
                Kinds = NetworkFaultKinds.Partition | NetworkFaultKinds.Crash,
            }.Apply(net);
            planned = faults;

            using HttpClient prices = net.CreateClient("shop", timeout: TimeSpan.FromMilliseconds(200));
            for (int i = 0; i < 20; i++)
            {
                TimeSpan sent = Sim.Elapsed;
                try
                {
                    lines.Add((sent, await prices.GetStringAsync("http://prices/item/7")));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lines.Add((sent, e.GetType().Name));
                }

                await Sim.Delay(TimeSpan.FromMilliseconds(100));
            }
        });

        TestContext.Out.WriteLine(string.Join("\n", lines.Select(l => $"{TimeFormat.Instant(l.Sent)} {l.Outcome}")));
        NetworkFault partition = planned.Single(f => f.Kind == NetworkFaultKinds.Partition);
        NetworkFault crash = planned.Single(f => f.Kind == NetworkFaultKinds.Crash);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Join(", ", planned), Is.EqualTo(
                "partition prices|shop at 00:00:00.2527208 for 0.7883078 s, crash prices at 00:00:00.5171914 for 0.452478 s"));
            foreach ((TimeSpan sent, string outcome) in lines)
            {
                string expected = Within(crash, sent) ? nameof(HttpRequestException)
                    : Within(partition, sent) ? nameof(TaskCanceledException)
                    : "42";
                Assert.That(outcome, Is.EqualTo(expected).Or.EqualTo(Within(partition, sent) ? nameof(HttpRequestException) : expected),
                    $"sent at {TimeFormat.Instant(sent)}");
            }

            Assert.That(lines.Select(l => l.Outcome).Distinct(), Is.EquivalentTo(new[] { "42", nameof(HttpRequestException), nameof(TaskCanceledException) }));
        }
    }

    private static bool Within(NetworkFault fault, TimeSpan sent) => sent >= fault.At && sent < fault.At + fault.Duration;
}
