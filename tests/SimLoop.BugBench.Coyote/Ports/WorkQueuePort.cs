using System.Threading.Channels;

namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/WorkQueueBug.cs: a worker counts itself busy only after logging the job it took; another completes the channel.
internal sealed class WorkQueuePort : IPort
{
    public string Name => "work-queue";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        var links = new Dictionary<int, int[]> { [1] = [2, 3], [2] = [4], [3] = [5], [4] = [], [5] = [] };
        var channel = Channel.CreateUnbounded<int>();
        int busy = 0;
        int done = 0;
        var lost = new List<int>();
        async Task WorkAsync()
        {
            while (await channel.Reader.WaitToReadAsync())
            {
                if (!channel.Reader.TryRead(out int job))
                {
                    continue;
                }

                await Task.Yield(); // log "took job n"
                busy++;
                await Task.Yield(); // process it
                foreach (int child in links[job])
                {
                    if (!channel.Writer.TryWrite(child))
                    {
                        lost.Add(child);
                    }
                }

                done++;
                busy--;
                if (busy == 0 && channel.Reader.Count == 0)
                {
                    channel.Writer.TryComplete();
                }
            }
        }

        channel.Writer.TryWrite(1);
        Task first = Task.Run(WorkAsync);
        Task second = Task.Run(WorkAsync);
        await first;
        await second;
        if (lost.Count > 0)
        {
            throw new InvalidOperationException($"The channel was completed with work left: {done} jobs done, page {lost[0]} lost.");
        }
    }
}
