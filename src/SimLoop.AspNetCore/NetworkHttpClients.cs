using System;
using System.Net.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace SimLoop;

// Every client IHttpClientFactory makes in a host sends from that host through the network. HttpClient.Timeout is a
// real timer, so the timeout the user configured is read off a probe client, handed to the network to keep in virtual
// time, and turned off in the client. Handlers never expire: their lifetime is a real timer too.
internal sealed class NetworkHttpClients(SimNetwork network, string host) : IPostConfigureOptions<HttpClientFactoryOptions>
{
    public void PostConfigure(string? name, HttpClientFactoryOptions options)
    {
        TimeSpan timeout = ConfiguredTimeout(options);
        options.HandlerLifetime = System.Threading.Timeout.InfiniteTimeSpan;
        options.HttpClientActions.Add(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = network.CreateHandler(host, timeout));
    }

    // What HttpClient.Timeout the user's configuration gives this client: 100 s, HttpClient's default, unless set.
    private static TimeSpan ConfiguredTimeout(HttpClientFactoryOptions options)
    {
        using var probe = new HttpClient(new Unsent());
        foreach (Action<HttpClient> action in options.HttpClientActions)
        {
            action(probe);
        }

        return probe.Timeout;
    }

    // The probe's handler: the probe is only configured, never used to send.
    private sealed class Unsent : HttpMessageHandler
    {
        protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A probe client sends nothing.");
    }
}
