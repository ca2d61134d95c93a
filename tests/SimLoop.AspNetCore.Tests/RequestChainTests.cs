using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SimLoop.AspNetCore.Tests;

// a's HttpClient timeout, kept in virtual time, aborts its request to b; b's RequestAborted fires, its call to c is
// cancelled with a cause naming a's request and a's timeout, and c's RequestAborted fires in turn.
public class RequestChainTests
{
    private const string AsAbort = "the request GET http://b/x from a was aborted at 00:00:01.01: a's timeout of 1 s";
    private const string BsCause = "task 'b: GET /x' cancelled at 00:00:01.02 by the simulation: " + AsAbort;

    [Test]
    public void ChainWithATimeout_AbortsBAndC_WithACauseNamingAsRequestAndTimeout()
    {
        Services.Outcome run = Services.Run(Services.Chain);

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "00:00:01.010 a: The request GET http://b/x from a was aborted at 00:00:01.01: a's timeout of 1 s.",
            // b's token callbacks run latest first, as a CancellationTokenSource runs them: the call to c's, then b's own.
            "00:00:01.020 b: TaskCanceledException: The request GET http://c/y from b was aborted at 00:00:01.02: " + BsCause + ".",
            "00:00:01.020 b: RequestAborted",
            "00:00:01.020 user: 504 a timed out",
            "00:00:01.030 c: RequestAborted",
        }));
    }

    [Test]
    public void ChainWithoutATimeout_CAnswersAndNothingIsAborted()
    {
        Services.Outcome run = Services.Run(async lines =>
        {
            var net = new SimNetwork(Services.TenMilliseconds);
            Services.AddChain(net, lines);
            using HttpClient user = net.CreateClient("user");
            string body = await user.GetStringAsync(new Uri("http://b/x"));
            lines.Add($"{Services.At()} user: {body}");
        });

        Assert.That(run.Lines, Is.EqualTo(new[] { "00:00:05.040 user: b got c" }));
    }

    [Test]
    public void AbortOfAPostWhileTheEndpointRuns_TheCallerTimesOut_AndTheHandlerEndsCancelledNotFaulted()
    {
        // The in-memory server reports the abort of a request with a body as an I/O error, not as a cancellation.
        Services.Outcome run = Services.Run(async lines =>
        {
            var net = new SimNetwork(Services.TenMilliseconds);
            net.AddHost("a", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("b", _ => { }, app => app.MapPost("/slow", async (TimeProvider clock) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
                lines.Add($"{Services.At()} b: answers nobody");
                return "done";
            }));
            using HttpClient client = net.CreateClient("a", TimeSpan.FromSeconds(1));
            TaskCanceledException timeout = await Services.Catch<TaskCanceledException>(
                () => client.PostAsync(new Uri("http://b/slow"), new StringContent("order 7")));
            lines.Add($"{Services.At()} a: {timeout.InnerException?.GetType().Name}");
            await Sim.Delay(TimeSpan.FromSeconds(10));
        });

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "00:00:01.000 a: TimeoutException",
            "00:00:05.010 b: answers nobody",
        }));
    }
}
