namespace SimLoop.Network.Tests;

// The seam for hosts with a lifecycle of their own: the network tells them of crashes and restarts after doing its
// part, and hands out the message handler under its clients for client factories to build on.
public class LifecycleTests
{
    private sealed class Recorder(List<string> lines) : ISimHostLifecycle
    {
        public void OnCrash(string reason) => lines.Add($"{Hosts.At()} crash: {reason}");

        public void OnRestart() => lines.Add($"{Hosts.At()} restart");
    }

    [Test]
    public void CrashAndRestart_TellTheLifecycle_AfterTheNetworkHasFailedTheRequests()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(10), lines), new Recorder(lines));
            Sim.Current.At(TimeSpan.FromSeconds(1), () => net.Crash("b"));
            Sim.Current.At(TimeSpan.FromSeconds(2), () => net.Restart("b"));
            using HttpClient client = net.CreateClient("a");
            await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} a's request failed");
            await Sim.Delay(TimeSpan.FromSeconds(2));
        });

        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:01.000 crash: host b crashed",
            "00:00:01.000 a's request failed",
            "00:00:01.000 b: task 'b: GET /' cancelled at 00:00:01 by the simulation: host b crashed",
            "00:00:02.000 restart",
        }));
    }

    [Test]
    public void HostWithoutALifecycle_CrashAndRestart_TellNobody()
    {
        var lines = new List<string>();
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.NotFound, new Recorder(lines));
            net.Crash("a");
            net.Restart("a");
            return Task.CompletedTask;
        });

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public void CreateHandler_CarriesRequestsFromTheHost_WithItsTimeoutInVirtualTime()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(5), lines));
            using var client = new HttpClient(net.CreateHandler("a", TimeSpan.FromSeconds(2)))
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            TaskCanceledException timeout = await Hosts.Catch<TaskCanceledException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} a: {timeout.InnerException?.Message}");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:02.000 a: The request GET http://b/ from a was aborted at 00:00:02: a's timeout of 2 s.",
            "00:00:02.010 b: task 'b: GET /' cancelled at 00:00:02.01 by the simulation: the request GET http://b/ from a was aborted at 00:00:02: a's timeout of 2 s",
        }));
    }

    [Test]
    public void SeamMembers_BadArguments_ThrowNamingTheArgument()
    {
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            net.AddHost("a", Hosts.NotFound);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => net.AddHost("b", Hosts.NotFound, null!),
                    Throws.ArgumentNullException.With.Property("ParamName").EqualTo("lifecycle"));
                Assert.That(() => net.AddHost("a", Hosts.NotFound, new Recorder([])),
                    Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
                Assert.That(() => net.CreateHandler(null!, Timeout.InfiniteTimeSpan),
                    Throws.ArgumentNullException.With.Property("ParamName").EqualTo("fromHost"));
                Assert.That(() => net.CreateHandler("nobody", Timeout.InfiniteTimeSpan),
                    Throws.ArgumentException.With.Property("ParamName").EqualTo("fromHost"));
                Assert.That(() => net.CreateHandler("a", TimeSpan.Zero),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
            }

            return Task.CompletedTask;
        });
    }
}
