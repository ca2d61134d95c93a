using System.Threading.Channels;

namespace SimLoop.BugBench.Bugs;

// A work queue on a Channel with two workers and termination detection by "nobody busy and the channel empty". A
// worker counts itself busy only after it logs the job it took (an await), so between taking a job and counting
// itself the queue looks idle: another worker completes the channel and the job's children are lost.
internal sealed class WorkQueueBug : IBug
{
    public string Name => "work-queue";

    public string Description => "A worker counts itself busy only after logging the job it took; another worker sees an idle queue, completes the channel, and child jobs are lost.";

    public string Origin => "SCTBench work queue (termination detection)";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        // A crawl: page 1 links to pages 2 and 3, which link to pages 4 and 5.
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
        SimTask[] workers = [Sim.Spawn(WorkAsync, "worker#1"), Sim.Spawn(WorkAsync, "worker#2")];
        foreach (SimTask worker in workers)
        {
            await worker;
        }

        if (lost.Count > 0)
        {
            throw new InvalidOperationException(
                $"The channel was completed with work left: {done} jobs done, page {lost[0]} lost.");
        }
    }
}
