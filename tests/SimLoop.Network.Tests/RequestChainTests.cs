namespace SimLoop.Network.Tests;

// The notes' a -> b -> c chain as three hosts: a calls b with a 1 s timeout, b calls c, c sleeps 5 s. a's timeout
// must reach c as a cancellation whose cause names a's request and a's timeout, at exact virtual times.
public class RequestChainTests
{
    private static async Task Chain(List<string> lines)
    {
        var net = new SimNetwork(Hosts.TenMilliseconds);
        net.AddHost("user", Hosts.NotFound);
        net.AddHost("a", async (request, token) =>
        {
            using HttpClient toB = net.CreateClient("a", TimeSpan.FromSeconds(1));
            try
            {
                using HttpResponseMessage response = await toB.GetAsync(new Uri("http://b/x"), token);
                return Hosts.Text("a got " + await response.Content.ReadAsStringAsync(token));
            }
            catch (TaskCanceledException timeout) when (timeout.InnerException is TimeoutException inner)
            {
                lines.Add($"{Hosts.At()} a: {inner.Message}");
                return Hosts.Text("a timed out", System.Net.HttpStatusCode.GatewayTimeout);
            }
        });
        net.AddHost("b", async (request, token) =>
        {
            using HttpClient toC = net.CreateClient("b");
            try
            {
                using HttpResponseMessage response = await toC.GetAsync(new Uri("http://c/y"), token);
                return Hosts.Text("b got " + await response.Content.ReadAsStringAsync(token));
            }
            catch (OperationCanceledException)
            {
                lines.Add($"{Hosts.At()} b: {Sim.CurrentTask!.CancellationCause}");
                throw;
            }
        });
        net.AddHost("c", async (request, token) =>
        {
            try
            {
                // SimLoop's own waits see the handler task's cancellation, with its cause, without the token.
                await Sim.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
                return Hosts.Text("c");
            }
            catch (SimCancelledException cancelled)
            {
                lines.Add($"{Hosts.At()} c: {cancelled.Cause}");
                throw;
            }
        });

        using HttpClient user = net.CreateClient("user");
        using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/go"));
        lines.Add($"{Hosts.At()} user: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        await Sim.Delay(TimeSpan.FromSeconds(10)); // long enough for c's 5 s to have passed had it not been cancelled
        lines.Add($"{Hosts.At()} user: done");
    }

    [Test]
    public void ChainWithATimeout_CancelsBAndCWithACauseNamingAsRequest()
    {
        Hosts.Outcome run = Hosts.Run(Chain);

        const string AsAbort = "the request GET http://b/x from a was aborted at 00:00:01.01: a's timeout of 1 s";
        const string BsCause = "task 'b: GET /x' cancelled at 00:00:01.02 by the simulation: " + AsAbort;
        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "00:00:01.010 a: The request GET http://b/x from a was aborted at 00:00:01.01: a's timeout of 1 s.",
            "00:00:01.020 user: 504 a timed out",
            "00:00:01.020 b: " + BsCause,
            "00:00:01.030 c: task 'c: GET /y' cancelled at 00:00:01.03 by the simulation: the request GET http://c/y from b was aborted at 00:00:01.02: " + BsCause,
            "00:00:11.020 user: done",
        }));
    }

    [Test]
    public void ChainWithATimeout_RunTwice_SameFingerprintAndLines()
    {
        foreach (ScheduleStrategy strategy in Enum.GetValues<ScheduleStrategy>())
        {
            Hosts.Outcome first = Hosts.Run(Chain, seed: 7, strategy);
            Hosts.Outcome second = Hosts.Run(Chain, seed: 7, strategy);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), strategy.ToString());
                Assert.That(second.Lines, Is.EqualTo(first.Lines), strategy.ToString());
                Assert.That(first.Lines, Has.Count.EqualTo(5), strategy.ToString());
            }
        }
    }

    [Test]
    public void ChainWithoutATimeout_CCompletesAndNothingIsCancelled()
    {
        var lines = new List<string>();
        var sim = new Simulation();
        sim.Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("a", async (request, token) =>
            {
                using HttpClient toB = net.CreateClient("a");
                using HttpResponseMessage response = await toB.GetAsync(new Uri("http://b/x"), token);
                return Hosts.Text("a got " + await response.Content.ReadAsStringAsync(token));
            });
            net.AddHost("b", async (request, token) =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(5), token);
                return Hosts.Text("b");
            });
            using HttpClient user = net.CreateClient("a");
            using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/go"));
            lines.Add($"{Hosts.At()} {await answer.Content.ReadAsStringAsync()}");
        });
        Assert.That(lines, Is.EqualTo(new[] { "00:00:05.040 a got b" }));
    }

    [Test]
    public void CallerTaskCancelled_AbortsTheHandlerWithTheTasksCause()
    {
        var lines = new List<string>();
        var sim = new Simulation();
        sim.Run(async () =>
        {
            var net = new SimNetwork(Hosts.TenMilliseconds);
            net.AddHost("b", Hosts.Slow("b", TimeSpan.FromSeconds(5), lines));
            net.AddHost("a", Hosts.NotFound);
            using HttpClient client = net.CreateClient("a");
            SimTask caller = Sim.Spawn(async () => { using var _ = await client.GetAsync(new Uri("http://b/slow")); }, "caller");
            await Sim.Delay(TimeSpan.FromSeconds(2));
            caller.Cancel("the user gave up");
            try
            {
                await caller;
            }
            catch (OperationCanceledException)
            {
                lines.Add($"{Hosts.At()} caller cancelled");
            }

            await Sim.Delay(TimeSpan.FromSeconds(1));
        });
        Assert.That(lines, Is.EqualTo(new[]
        {
            "00:00:02.000 caller cancelled",
            "00:00:02.010 b: task 'b: GET /slow' cancelled at 00:00:02.01 by the simulation: the request GET http://b/slow from a was aborted at 00:00:02: task 'caller' cancelled at 00:00:02 by 'main': the user gave up",
        }));
    }
}
