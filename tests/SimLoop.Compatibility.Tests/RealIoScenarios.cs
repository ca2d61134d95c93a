using System.Net;
using System.Net.Sockets;

namespace SimLoop.Compatibility.Tests;

// Real I/O completes when the operating system says so, on the runtime's I/O thread: nothing a step sent, so the
// loop cannot order it. A loopback socket is the smallest real I/O that is sure to complete off the loop.
public class RealIoScenarios
{
    [Test]
    public void LoopbackSocket_AcceptAndConnect_RejectedAsRealIo()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Task<Socket> accepting = listener.AcceptSocketAsync();
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
            using Socket server = await accepting;
            print("connected");
        });

        Assert.That(escapes, Has.All.Message.Contain("real I/O"));
    }
}
