using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SimLoop.Benchmarks.Workloads;

// One program, three ways to run it: a asks b for a price, b asks c and adds one, c answers 41; a checks every answer
// is 42. The handlers and the caller are the same code each time; only the HttpClients' bottom differs: SimNetwork
// (latency from the seed, a task per request, wire copies), a handler that calls the next service directly, and a
// handler that waits a fixed latency each way on FakeTimeProvider, driven by Advance.
internal static class ChainWorkload
{
    private static readonly TimeSpan s_latency = TimeSpan.FromMilliseconds(3); // SimNetwork's default is 1 to 5 ms

    public static long RunSimLoop(int requests, long seed = 0) =>
        new Simulation(new SimulationOptions { Seed = seed, TraceCapacity = 0 }).Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("a", C);
            net.AddHost("c", C);
            Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? b = null;
            net.AddHost("b", (request, token) => b!(request, token)); // b's client to c leaves from b, so b comes first
            using HttpClient toC = net.CreateClient("b");
            b = B(toC);
            using HttpClient toB = net.CreateClient("a");
            return await Caller(toB, requests);
        });

    public static long RunDirect(int requests)
    {
        using HttpClient toC = Client(new Forward(C));
        using HttpClient toB = Client(new Forward(B(toC)));
        return Caller(toB, requests).GetAwaiter().GetResult();
    }

    public static long RunFake(int requests)
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null); // continuations run inline in Advance, on this thread
        try
        {
            var time = new FakeTimeProvider();
            using HttpClient toC = Client(new Delayed(C, time));
            using HttpClient toB = Client(new Delayed(B(toC), time));
            Task<long> caller = Caller(toB, requests);
            while (!caller.IsCompleted)
            {
                time.Advance(s_latency);
            }

            return caller.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static async Task<long> Caller(HttpClient toB, int requests)
    {
        long answered = 0;
        for (int i = 0; i < requests; i++)
        {
            string price = await toB.GetStringAsync(new Uri("http://b/price"));
            answered += price == "42" ? 1 : throw new InvalidOperationException($"b answered {price}, not 42");
        }

        return answered;
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> B(HttpClient toC) =>
        async (request, token) =>
        {
            string price = await toC.GetStringAsync(new Uri("http://c/price"), token);
            int answer = int.Parse(price, CultureInfo.InvariantCulture) + 1;
            return new HttpResponseMessage { Content = new StringContent(answer.ToString(CultureInfo.InvariantCulture)) };
        };

    private static Task<HttpResponseMessage> C(HttpRequestMessage request, CancellationToken token) =>
        Task.FromResult(new HttpResponseMessage { Content = new StringContent("41") });

    private static HttpClient Client(HttpMessageHandler handler) => new(handler) { Timeout = Timeout.InfiniteTimeSpan };

    private sealed class Forward(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> next) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            next(request, cancellationToken);
    }

    private sealed class Delayed(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> next, TimeProvider time)
        : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(s_latency, time, cancellationToken);
            HttpResponseMessage response = await next(request, cancellationToken);
            await Task.Delay(s_latency, time, cancellationToken);
            return response;
        }
    }
}
