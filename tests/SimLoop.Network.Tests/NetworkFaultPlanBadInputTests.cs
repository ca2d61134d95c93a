namespace SimLoop.Network.Tests;

// A plan out of range fails where it is made, naming the property; one that does not fit the network fails in Apply.
public class NetworkFaultPlanBadInputTests
{
    [Test]
    public void Properties_OutOfRange_ThrowNamingTheProperty()
    {
        using (Assert.EnterMultipleScope())
        {
            AssertNames("Count", () => new NetworkFaultPlan { Count = -1 });
            AssertNames("Count", () => new NetworkFaultPlan { Count = 10_001 });
            AssertNames("Window", () => new NetworkFaultPlan { Window = TimeSpan.Zero });
            AssertNames("Window", () => new NetworkFaultPlan { Window = TimeSpan.FromDays(366) });
            AssertNames("Kinds", () => new NetworkFaultPlan { Kinds = 0 });
            AssertNames("Kinds", () => new NetworkFaultPlan { Kinds = (NetworkFaultKinds)8 });
            AssertNames("CrashableHosts", () => new NetworkFaultPlan { CrashableHosts = ["b", null!] });
            AssertNames("CrashableHosts", () => new NetworkFaultPlan { CrashableHosts = [""] });
            AssertNames("MaxDuration", () => new NetworkFaultPlan { MaxDuration = TimeSpan.FromTicks(-1) });
            AssertNames("MaxExtraLatency", () => new NetworkFaultPlan { MaxExtraLatency = TimeSpan.Zero });
        }
    }

    [Test]
    public void Properties_InRange_AreKept()
    {
        var plan = new NetworkFaultPlan
        {
            Count = 0,
            Window = TimeSpan.FromTicks(1),
            Kinds = NetworkFaultKinds.LatencySpike,
            CrashableHosts = [],
            MaxDuration = TimeSpan.FromDays(365),
            MaxExtraLatency = TimeSpan.FromTicks(1),
        };

        Assert.That((plan.Count, plan.Window, plan.Kinds, plan.CrashableHosts!.Count, plan.MaxDuration, plan.MaxExtraLatency),
            Is.EqualTo((0, TimeSpan.FromTicks(1), NetworkFaultKinds.LatencySpike, 0, TimeSpan.FromDays(365), TimeSpan.FromTicks(1))));
    }

    [Test]
    public void Apply_PlanThatDoesNotFitTheNetwork_ThrowsNamingWhy()
    {
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => new NetworkFaultPlan().Apply(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("network"));
                Assert.That(() => new NetworkFaultPlan { CrashableHosts = ["nobody"] }.Apply(net),
                    Throws.ArgumentException.With.Property("ParamName").EqualTo("network").And.Message.Contains("CrashableHosts names \"nobody\""));
                Assert.That(() => new NetworkFaultPlan { Kinds = NetworkFaultKinds.Partition }.Apply(net),
                    Throws.ArgumentException.With.Message.Contains("the network has 1 host(s)"));
                Assert.That(() => new NetworkFaultPlan { Kinds = NetworkFaultKinds.Crash, CrashableHosts = [] }.Apply(net),
                    Throws.ArgumentException.With.Message.Contains("0 crashable"));
                Assert.That(new NetworkFaultPlan { Count = 0, Kinds = NetworkFaultKinds.Partition }.Apply(net), Is.Empty);
            }

            return Task.CompletedTask;
        });
    }

    [Test]
    public void Apply_FromAnotherSimulation_Throws()
    {
        SimNetwork net = new Simulation().Run(() => Task.FromResult(new SimNetwork()));
        new Simulation().Run(() =>
        {
            Assert.That(() => new NetworkFaultPlan().Apply(net), Throws.InvalidOperationException.With.Message.Contains("another simulation"));
            return Task.CompletedTask;
        });
    }

    private static void AssertNames(string property, Func<object> make) =>
        Assert.That(make, Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo(property));
}
