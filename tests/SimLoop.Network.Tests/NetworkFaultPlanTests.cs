using System.Net;

namespace SimLoop.Network.Tests;

// A plan's faults: drawn from the seed within the plan's bounds, scheduled as tasks that cut, crash and slow the
// network for their duration and then undo it, and named in the causes of what they cancel.
public class NetworkFaultPlanTests
{
    [Test]
    public void Apply_SameSeed_SameFaults_DifferentSeeds_DifferentFaults()
    {
        var plan = new NetworkFaultPlan { Count = 5 };
        List<string> first = [.. Enumerable.Range(0, 10).Select(seed => Draw(plan, seed))];
        List<string> second = [.. Enumerable.Range(0, 10).Select(seed => Draw(plan, seed))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Is.Unique);
        }
    }

    [Test]
    public void Apply_FaultsStayWithinThePlansBounds_AndCoverEveryKind()
    {
        var plan = new NetworkFaultPlan
        {
            Count = 20,
            Window = TimeSpan.FromSeconds(2),
            CrashableHosts = ["c", "b"],
            MaxDuration = TimeSpan.FromMilliseconds(300),
            MaxExtraLatency = TimeSpan.FromMilliseconds(50),
        };
        var start = TimeSpan.FromSeconds(7);
        IReadOnlyList<NetworkFault> faults = new Simulation(new SimulationOptions { Seed = 5 }).Run(async () =>
        {
            await Sim.Delay(start);
            return plan.Apply(ThreeHosts(new SimNetwork()));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faults, Has.Count.EqualTo(20));
            Assert.That(faults.Select(f => f.At), Is.Ordered.And.All.InRange(start, start + plan.Window - TimeSpan.FromTicks(1)));
            Assert.That(faults.Select(f => f.Duration), Has.All.InRange(TimeSpan.FromTicks(1), plan.MaxDuration));
            Assert.That(faults.Select(f => f.Kind).Distinct(), Is.EquivalentTo(new[]
                { NetworkFaultKinds.Partition, NetworkFaultKinds.Crash, NetworkFaultKinds.LatencySpike }));
            foreach (NetworkFault fault in faults)
            {
                if (fault.Kind == NetworkFaultKinds.Crash)
                {
                    Assert.That(fault.Hosts, Has.Count.EqualTo(1).And.Some.AnyOf("b", "c"), fault.ToString());
                    Assert.That(fault.ExtraLatency, Is.EqualTo(TimeSpan.Zero), fault.ToString());
                }
                else
                {
                    Assert.That(fault.Hosts, Has.Count.EqualTo(2).And.Unique.And.Ordered, fault.ToString());
                    Assert.That(fault.ExtraLatency, fault.Kind == NetworkFaultKinds.LatencySpike
                        ? Is.InRange(TimeSpan.FromTicks(1), plan.MaxExtraLatency)
                        : Is.EqualTo(TimeSpan.Zero), fault.ToString());
                }
            }
        }
    }

    [Test]
    public void CrashFault_RefusesRequestsWhileItLasts_ThenTheHostAnswersAgain()
    {
        var plan = new NetworkFaultPlan { Count = 1, Kinds = NetworkFaultKinds.Crash, CrashableHosts = ["b"] };
        List<string> lines = During(plan, async (fault, client) =>
        {
            HttpRequestException refused = await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/")));
            return $"{refused.HttpRequestError}: {refused.Message}";
        });

        Assert.That(lines, Is.EqualTo(new[] { "ConnectionError: Connection refused: host b is crashed (GET http://b/ from a).", "200 b" }));
    }

    [Test]
    public void PartitionFault_LosesRequestsWhileItLasts_ThenTheLinkCarriesThemAgain()
    {
        var plan = new NetworkFaultPlan { Count = 1, Kinds = NetworkFaultKinds.Partition };
        List<string> lines = During(plan, async (fault, client) =>
        {
            Assert.That(fault.Duration / 4, Is.GreaterThan(TimeSpan.FromMilliseconds(20)), "this seed's partition outlasts a round trip");
            using var timeout = new CancellationTokenSource(fault.Duration / 4, Sim.Clock);
            TaskCanceledException lost = await Hosts.Catch<TaskCanceledException>(() => client.GetAsync(new Uri("http://b/"), timeout.Token));
            return lost.CancellationToken == timeout.Token ? "lost" : lost.Message;
        });

        Assert.That(lines, Is.EqualTo(new[] { "lost", "200 b" }));
    }

    [Test]
    public void LatencySpike_SlowsTheLinkWhileItLasts_ThenTheLatencyIsRestored()
    {
        var plan = new NetworkFaultPlan { Count = 1, Kinds = NetworkFaultKinds.LatencySpike, MaxDuration = TimeSpan.FromSeconds(60) };
        List<string> lines = During(plan, async (fault, client) =>
        {
            Assert.That(fault.Duration / 2, Is.GreaterThan(2 * (Hosts.TenMilliseconds.MaxLatency + fault.ExtraLatency)),
                "this seed's spike outlasts the round trip");
            TimeSpan sent = Sim.Elapsed;
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
            return Sim.Elapsed - sent == 2 * (TimeSpan.FromMilliseconds(10) + fault.ExtraLatency) ? "slow" : $"{Sim.Elapsed - sent}";
        });

        Assert.That(lines, Is.EqualTo(new[] { "slow", "200 b" }), "after the spike, the round trip is 20 ms again");
    }

    [Test]
    public void CrashFault_CancelsHandlersAndHostWork_WithACauseThatNamesTheFault()
    {
        var causes = new List<string>();
        new Simulation(new SimulationOptions { Seed = 2 }).Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(10), causes));
            SimTask replicator = net.Spawn("b", token => Sim.Delay(TimeSpan.FromHours(1), token), "replicator");
            using HttpClient client = net.CreateClient("a");
            Task<HttpResponseMessage> request = client.GetAsync(new Uri("http://b/slow"));
            await Sim.Delay(TimeSpan.FromMilliseconds(100));
            new NetworkFaultPlan { Count = 1, Kinds = NetworkFaultKinds.Crash, CrashableHosts = ["b"], Window = TimeSpan.FromMilliseconds(1) }.Apply(net);
            await Hosts.Catch<HttpRequestException>(() => request);
            await Hosts.Catch<SimCancelledException>(async () => await replicator);
            causes.Add($"{replicator.Name}: {replicator.CancellationCause}");
        });

        Assert.That(causes, Has.Count.EqualTo(2).And.All.Match(
            @"^.*task '(b: GET /slow|b: replicator)' cancelled at 00:00:00\.1\d* by 'fault: crash b': host b crashed$"));
    }

    [Test]
    public void Fault_OnAHostCrashedAlready_LeavesItAlone_AndDoesNotRestartIt()
    {
        var plan = new NetworkFaultPlan { Count = 1, Kinds = NetworkFaultKinds.Crash, CrashableHosts = ["b"] };
        string line = new Simulation(new SimulationOptions { Seed = 1 }).Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) => Task.FromResult(Hosts.Text("b")));
            net.Crash("b");
            NetworkFault fault = plan.Apply(net)[0];
            await Sim.Delay(fault.At + fault.Duration + TimeSpan.FromSeconds(1));
            using HttpClient client = net.CreateClient("a");
            return (await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/")))).Message;
        });

        Assert.That(line, Does.StartWith("Connection refused: host b is crashed"));
    }

    [Test]
    public void Spawn_NamesTheTaskAfterItsHost_AndRefusesACrashedHost()
    {
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("b", Hosts.NotFound);
            SimTask work = net.Spawn("b", _ => Task.CompletedTask, "replicator");
            await work;
            net.Crash("b");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(work.Name, Is.EqualTo("b: replicator"));
                Assert.That(() => net.Spawn("b", _ => Task.CompletedTask, "again"),
                    Throws.InvalidOperationException.With.Message.Contains("Host b is crashed"));
                Assert.That(() => net.Spawn("nobody", _ => Task.CompletedTask, "x"), Throws.ArgumentException.With.Property("ParamName").EqualTo("host"));
                Assert.That(() => net.Spawn("b", null!, "x"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
                Assert.That(() => net.Spawn("b", _ => Task.CompletedTask, " "), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            }
        });
    }

    // Applies the plan to hosts a and b (fixed 10 ms latency); halfway through the one fault runs duringFault, then
    // after the fault a plain request, and returns both lines.
    private static List<string> During(NetworkFaultPlan plan, Func<NetworkFault, HttpClient, Task<string>> duringFault, long seed = 3)
    {
        var lines = new List<string>();
        new Simulation(new SimulationOptions { Seed = seed }).Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) => Task.FromResult(Hosts.Text("b")));
            NetworkFault fault = plan.Apply(net).Single();
            using HttpClient client = net.CreateClient("a", TimeSpan.FromSeconds(5));
            await Sim.Delay(fault.At + (fault.Duration / 2));
            lines.Add(await duringFault(fault, client));
            await Sim.Delay(fault.At + fault.Duration + TimeSpan.FromMilliseconds(1) - Sim.Elapsed);
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
            lines.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        });
        return lines;
    }

    private static SimNetwork ThreeHosts(SimNetwork net)
    {
        foreach (string host in new[] { "c", "a", "b" })
        {
            net.AddHost(host, Hosts.NotFound);
        }

        return net;
    }

    private static string Draw(NetworkFaultPlan plan, long seed) =>
        new Simulation(new SimulationOptions { Seed = seed }).Run(() =>
            Task.FromResult(string.Join("; ", plan.Apply(ThreeHosts(new SimNetwork())))));
}
