using System.Threading.Channels;

namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/ChannelCloseBug.cs: a producer checks `closing`, renders, then writes; shutdown completes the channel in between.
internal sealed class ChannelClosePort : IPort
{
    public string Name => "channel-close";

    public string Failure => nameof(ChannelClosedException);

    public async Task Run()
    {
        var channel = Channel.CreateUnbounded<string>();
        bool closing = false;
        int received = 0;
        Task producer = Task.Run(async () =>
        {
            for (int i = 0; i < 3 && !closing; i++)
            {
                await Task.Yield(); // render the item
                await channel.Writer.WriteAsync($"item {i}");
            }
        });
        Task consumer = Task.Run(async () =>
        {
            while (await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                    received++;
                }
            }
        });
        Task shutdown = Task.Run(async () =>
        {
            for (int i = 0; i < 5; i++)
            {
                await Task.Yield(); // the grace period
            }

            closing = true;
            channel.Writer.Complete();
        });
        await producer;
        await shutdown;
        await consumer;
    }
}
