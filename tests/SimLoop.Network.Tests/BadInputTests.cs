using System.Net;

namespace SimLoop.Network.Tests;

// Bad input gets a clear exception at the call, naming the argument.
public class BadInputTests
{
    [Test]
    public void Options_NegativeOrInverted_ThrowNamingTheProperty()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new SimNetworkOptions { MinLatency = TimeSpan.FromTicks(-1) },
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("MinLatency"));
            Assert.That(() => new SimNetworkOptions { MaxLatency = TimeSpan.FromTicks(-1) },
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("MaxLatency"));
            Assert.That(() => new Simulation().Run(() =>
            {
                _ = new SimNetwork(new SimNetworkOptions { MinLatency = TimeSpan.FromSeconds(2), MaxLatency = TimeSpan.FromSeconds(1) });
                return Task.CompletedTask;
            }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("MaxLatency"));
        }
    }

    [Test]
    public void Constructor_OutsideASimulation_Throws()
    {
        Assert.That(() => new SimNetwork(), Throws.InvalidOperationException);
    }

    [Test]
    public void Members_BadArguments_ThrowNamingTheArgument()
    {
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => net.AddHost(null!, Hosts.NotFound), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("name"));
                Assert.That(() => net.AddHost("b", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("handler"));
                Assert.That(() => net.AddHost("A", Hosts.NotFound), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
                Assert.That(() => net.AddHost("not a host", Hosts.NotFound), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
                Assert.That(() => net.CreateClient("nobody"), Throws.ArgumentException.With.Property("ParamName").EqualTo("fromHost").And.Message.Contains("nobody"));
                Assert.That(() => net.CreateClient("a", TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
                Assert.That(() => net.Partition("a", "a"), Throws.ArgumentException.With.Property("ParamName").EqualTo("b"));
                Assert.That(() => net.Partition("a", "nobody"), Throws.ArgumentException.With.Property("ParamName").EqualTo("b"));
                Assert.That(() => net.Heal(null!, "a"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("a"));
                Assert.That(() => net.Crash("nobody"), Throws.ArgumentException.With.Property("ParamName").EqualTo("host"));
                Assert.That(() => net.Restart("a"), Throws.InvalidOperationException.With.Message.Contains("not crashed"));
                net.Crash("a");
                Assert.That(() => net.Crash("a"), Throws.InvalidOperationException.With.Message.Contains("crashed already"));
            }

            return Task.CompletedTask;
        });
    }

    [Test]
    public void RequestToAnUnknownHost_FailsWithNameResolution()
    {
        HttpRequestException failed = new Simulation().Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            using HttpClient client = net.CreateClient("a");
            return await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://nobody/x")));
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.HttpRequestError, Is.EqualTo(HttpRequestError.NameResolutionError));
            Assert.That(failed.Message, Does.Contain("\"nobody\""));
        }
    }

    [Test]
    public void Network_UsedFromAnotherSimulation_Throws()
    {
        SimNetwork net = new Simulation().Run(() => Task.FromResult(new SimNetwork()));
        new Simulation().Run(() =>
        {
            Assert.That(() => net.AddHost("a", Hosts.NotFound), Throws.InvalidOperationException.With.Message.Contains("another simulation"));
            return Task.CompletedTask;
        });
    }

    [Test]
    public void Client_HasHttpClientsRealTimeoutOff()
    {
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            using HttpClient client = net.CreateClient("a");
            Assert.That(client.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
            return Task.CompletedTask;
        });
    }

    [Test]
    public void UserTokenFromTheVirtualClock_CancelsTheRequestInVirtualTime()
    {
        string line = new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", async (request, token) =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            using HttpClient client = net.CreateClient("a");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(250), Sim.Clock);
            TaskCanceledException cancelled = await Hosts.Catch<TaskCanceledException>(() => client.GetAsync(new Uri("http://b/"), timeout.Token));
            return $"{Hosts.At()} {cancelled.CancellationToken == timeout.Token} {cancelled.Message}";
        });
        Assert.That(line, Is.EqualTo("00:00:00.250 True The request GET http://b/ from a was aborted at 00:00:00.25: its cancellation token was cancelled."));
    }
}
