using System.Net;

namespace SimLoop.Network.Tests;

// Small helpers the tests share: a fixed latency, text responses, and a run that records lines and the fingerprint.
internal static class Hosts
{
    public static readonly SimNetworkOptions TenMilliseconds = new()
    {
        MinLatency = TimeSpan.FromMilliseconds(10),
        MaxLatency = TimeSpan.FromMilliseconds(10),
    };

    public static HttpResponseMessage Text(string text, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(text) };

    public static Task<HttpResponseMessage> NotFound(HttpRequestMessage request, CancellationToken token) =>
        Task.FromResult(Text("nothing here", HttpStatusCode.NotFound));

    /// <summary>A host that answers its name after <paramref name="delay"/>, and writes down the cause when its
    /// handler is cancelled first.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Slow(
        string name, TimeSpan delay, List<string> lines) => async (request, token) =>
    {
        try
        {
            await Sim.Delay(delay, CancellationToken.None);
            return Text(name);
        }
        catch (SimCancelledException cancelled)
        {
            lines.Add($"{At()} {name}: {cancelled.Cause}");
            throw;
        }
    };

    public static string At() => Sim.Elapsed.ToString(@"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);

    // Assert.ThrowsAsync would wait on the test framework's side; inside a simulation the awaiting happens on the loop.
    public static async Task<T> Catch<T>(Func<Task> call)
        where T : Exception
    {
        try
        {
            await call();
        }
        catch (T expected)
        {
            return expected;
        }

        throw new AssertionException($"Expected {typeof(T).Name}, but the call completed.");
    }

    public sealed record Outcome(IReadOnlyList<string> Lines, string Fingerprint);

    public static Outcome Run(Func<List<string>, Task> body, long seed = 0, ScheduleStrategy strategy = ScheduleStrategy.Fifo)
    {
        var lines = new List<string>();
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = strategy });
        sim.Run(() => body(lines));
        return new Outcome(lines, sim.Trace.Fingerprint);
    }
}
