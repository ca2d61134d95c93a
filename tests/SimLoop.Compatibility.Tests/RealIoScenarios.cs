using System.Net;
using System.Net.Sockets;

namespace SimLoop.Compatibility.Tests;

// Real I/O completes when the operating system says so, on the runtime's I/O thread: nothing a step sent, so the
// loop cannot order it. A loopback socket is the smallest real I/O that is sure to complete off the loop: the accept
// is awaited before the connection is made, so its completion must reach a waiting task from the I/O thread.
public class RealIoScenarios
{
    [Test]
    public void LoopbackSocket_AcceptAndConnect_RejectedAsRealIo()
    {
        IReadOnlyList<SimulationEscapeException> escapes = RejectionHarness.ExpectEscape(async print =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            SimTask accepter = Sim.Spawn(async () =>
            {
                using Socket server = await listener.AcceptSocketAsync();
                print("accepted");
            }, "accepter");
            await Sim.Delay(TimeSpan.FromSeconds(1)); // the accepter awaits before anyone connects
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
            await accepter;
        });

        Assert.That(escapes, Has.All.Message.Contain("real I/O"));
    }
}
