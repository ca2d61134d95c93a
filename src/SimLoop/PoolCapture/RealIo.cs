using System.Diagnostics.Tracing;

namespace SimLoop;

// The networking events that mark the start of real I/O, reported by the runtime on the thread that begins it: a
// socket connect or accept, a DNS lookup. HTTP over sockets begins with one of them; an in-memory HttpMessageHandler
// (a test server) begins none, so it is not mistaken for the network.
internal static class RealIo
{
    public const string SocketsSourceName = "System.Net.Sockets";
    public const string NameResolutionSourceName = "System.Net.NameResolution";

    private const int ConnectStartEventId = 1;
    private const int AcceptStartEventId = 4;
    private const int ResolutionStartEventId = 1;

    /// <summary>Names the real I/O an event starts, or null when it starts none.</summary>
    public static string? Describe(EventWrittenEventArgs eventData) => eventData.EventSource.Name switch
    {
        SocketsSourceName when eventData.EventId == ConnectStartEventId => "a socket connect",
        SocketsSourceName when eventData.EventId == AcceptStartEventId => "a socket accept",
        NameResolutionSourceName when eventData.EventId == ResolutionStartEventId => "a DNS lookup",
        _ => null,
    };
}
