using System.Net;

namespace SimLoop.Network.Tests;

// Partitions lose packets (a request ends only by its timeout); crashes fail requests at once and cancel the
// crashed host's handlers; a restarted host answers again.
public class FaultTests
{
    [Test]
    public void Partition_RequestEndsOnlyByItsTimeout_AndTheHandlerNeverRuns()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) =>
            {
                lines.Add($"{Hosts.At()} b ran");
                return Task.FromResult(Hosts.Text("b"));
            });
            net.Partition("b", "a");
            using HttpClient client = net.CreateClient("a", TimeSpan.FromSeconds(3));
            TaskCanceledException timeout = await Hosts.Catch<TaskCanceledException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} a: {timeout.InnerException?.GetType().Name}");
        });
        Assert.That(lines, Is.EqualTo(new[] { "00:00:03.000 a: TimeoutException" }));
    }

    [Test]
    public void Partition_WithoutATimeout_IsTheSimulationsDeadlock()
    {
        var sim = new Simulation();
        Assert.Throws<SimulationDeadlockException>(() => sim.Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.NotFound);
            net.Partition("a", "b");
            using HttpClient client = net.CreateClient("a");
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
        }));
    }

    [Test]
    public void Heal_AfterAPartition_RequestsArriveAgain()
    {
        HttpStatusCode status = new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) => Task.FromResult(Hosts.Text("b")));
            net.Partition("a", "b");
            net.Heal("B", "a");
            using HttpClient client = net.CreateClient("a", TimeSpan.FromSeconds(3));
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
            return response.StatusCode;
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void PartitionDuringTheHandler_LosesTheResponse()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", async (request, token) =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                lines.Add($"{Hosts.At()} b answers");
                return Hosts.Text("b");
            });
            Sim.Current.At(TimeSpan.FromMilliseconds(500), () => net.Partition("a", "b"));
            using HttpClient client = net.CreateClient("a", TimeSpan.FromSeconds(3));
            await Hosts.Catch<TaskCanceledException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} a timed out");
        });
        Assert.That(lines, Is.EqualTo(new[] { "00:00:01.010 b answers", "00:00:03.000 a timed out" }));
    }

    [Test]
    public void Crash_FailsTheInFlightRequestAtOnce_AndCancelsTheHostsHandlers()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(10), lines));
            Sim.Current.At(TimeSpan.FromMilliseconds(500), () => net.Crash("b"));
            using HttpClient client = net.CreateClient("a");
            HttpRequestException failed = await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/slow")));
            lines.Add($"{Hosts.At()} a: {failed.HttpRequestError}: {failed.Message}");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });
        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:00.500 a: ConnectionError: The request GET http://b/slow from a failed at 00:00:00.5: host b crashed.",
            "00:00:00.500 b: task 'b: GET /slow' cancelled at 00:00:00.5 by the simulation: host b crashed",
        }));
    }

    [Test]
    public void CrashedHost_RequestsFailAtOnce_ThenRestartAnswersAgain()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) => Task.FromResult(Hosts.Text("b")));
            using HttpClient client = net.CreateClient("a");
            net.Crash("b");
            HttpRequestException refused = await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} {refused.HttpRequestError}: {refused.Message}");
            net.Restart("b");
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
            lines.Add($"{Hosts.At()} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        });
        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:00.000 ConnectionError: Connection refused: host b is crashed (GET http://b/ from a).",
            "00:00:00.020 200 b",
        }));
    }

    [Test]
    public void CrashOfTheCaller_FailsItsRequest_AndAbortsTheServersHandler()
    {
        var lines = new List<string>();
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(10), lines));
            Sim.Current.At(TimeSpan.FromSeconds(1), () => net.Crash("a"));
            using HttpClient client = net.CreateClient("a");
            await Hosts.Catch<HttpRequestException>(() => client.GetAsync(new Uri("http://b/")));
            lines.Add($"{Hosts.At()} a's request failed");
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });
        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:01.000 a's request failed",
            "00:00:01.010 b: task 'b: GET /' cancelled at 00:00:01.01 by the simulation: the request GET http://b/ from a was aborted at 00:00:01: host a crashed",
        }));
    }

    [Test]
    public void HandlerThrows_TheCallerGets500()
    {
        HttpStatusCode status = new Simulation().Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", Hosts.NotFound);
            net.AddHost("b", (request, token) => throw new InvalidOperationException("bug in b"));
            using HttpClient client = net.CreateClient("a");
            using HttpResponseMessage response = await client.GetAsync(new Uri("http://b/"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("bug in b"));
            return response.StatusCode;
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
    }
}
