using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// The bottom of an HttpClient that CreateClient returns: instead of a socket, the simulated network.
internal sealed class NetworkHandler : HttpMessageHandler
{
    private readonly SimNetwork _network;
    private readonly Host _from;
    private readonly TimeSpan _timeout;

    public NetworkHandler(SimNetwork network, Host from, TimeSpan timeout)
    {
        _network = network;
        _from = from;
        _timeout = timeout;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _network.Send(_from, _timeout, request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "A simulated HttpClient has no synchronous Send: it would block the loop that carries the request. Use SendAsync.");
}
