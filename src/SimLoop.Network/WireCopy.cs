using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// What crosses the network is bytes: the receiver gets its own request or response, with the headers and the
// content read out of the sender's, so neither side's disposal or mutation reaches the other.
internal static class WireCopy
{
    public static async Task<HttpRequestMessage> RequestAsync(HttpRequestMessage sent, CancellationToken token)
    {
        var copy = new HttpRequestMessage(sent.Method, sent.RequestUri) { Version = sent.Version };
        foreach (KeyValuePair<string, IEnumerable<string>> header in sent.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        copy.Content = await ContentAsync(sent.Content, token);
        return copy;
    }

    public static async Task<HttpResponseMessage> ResponseAsync(HttpResponseMessage sent, CancellationToken token)
    {
        var copy = new HttpResponseMessage(sent.StatusCode) { ReasonPhrase = sent.ReasonPhrase, Version = sent.Version };
        foreach (KeyValuePair<string, IEnumerable<string>> header in sent.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        copy.Content = await ContentAsync(sent.Content, token) ?? new ByteArrayContent([]);
        return copy;
    }

    private static async Task<HttpContent?> ContentAsync(HttpContent? content, CancellationToken token)
    {
        if (content is null)
        {
            return null;
        }

        var copy = new ByteArrayContent(await content.ReadAsByteArrayAsync(token));
        foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
