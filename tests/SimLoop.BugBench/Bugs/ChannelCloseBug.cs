using System.Threading.Channels;

namespace SimLoop.BugBench.Bugs;

// Shutdown completing a channel under a producer's feet: the producer checks `closing`, renders the item (an await),
// then writes. Shutdown sets `closing` and completes the channel. When shutdown runs between the producer's check and
// its write, the write throws ChannelClosedException. Shutdown waits out a grace period first, so in Fifo order the
// producer has written everything by then.
internal sealed class ChannelCloseBug : IBug
{
    public string Name => "channel-close";

    public string Description => "A producer checks `closing`, renders, then writes; shutdown completes the channel in between and the write throws.";

    public string Origin => "Async pattern: shutdown racing a producer";

    public Type Failure => typeof(ChannelClosedException);

    public int Depth => 2;

    public async Task Run()
    {
        var channel = Channel.CreateUnbounded<string>();
        bool closing = false;
        int received = 0;
        SimTask producer = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 3 && !closing; i++)
            {
                string item = await RenderAsync(i);
                await channel.Writer.WriteAsync(item);
            }
        }, "producer");
        SimTask consumer = Sim.Spawn(async () =>
        {
            while (await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                    received++;
                }
            }
        }, "consumer");
        SimTask shutdown = Sim.Spawn(async () =>
        {
            for (int i = 0; i < 5; i++)
            {
                await Task.Yield(); // the grace period
            }

            closing = true;
            channel.Writer.Complete();
        }, "shutdown");
        await producer;
        await shutdown;
        await consumer;
    }

    private static async Task<string> RenderAsync(int index)
    {
        await Task.Yield();
        return $"item {index}";
    }
}
