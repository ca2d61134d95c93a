using System.Collections.Concurrent;

namespace SimLoop.BugBench.Runner;

/// <summary>Runs a plan on dedicated threads, one simulation per thread at a time, and gathers the results.</summary>
internal static class Benchmark
{
    /// <summary>Runs every (bug, strategy, range) of <paramref name="plan"/>; <paramref name="progress"/> hears each one finish.</summary>
    public static IReadOnlyList<BugResult> Run(BenchmarkPlan plan, Action<string>? progress = null)
    {
        var work = new List<(int Bug, int Strategy, int Range)>();
        for (int b = 0; b < plan.Bugs.Count; b++)
        {
            for (int s = 0; s < plan.Strategies.Count; s++)
            {
                int ranges = plan.Strategies[s] == ScheduleStrategy.Fifo ? 1 : plan.Ranges;
                for (int r = 0; r < ranges; r++)
                {
                    work.Add((b, s, r));
                }
            }
        }

        var searches = new SeedSearch[plan.Bugs.Count, plan.Strategies.Count, plan.Ranges];
        var failures = new FailureAnalysis?[plan.Bugs.Count, plan.Strategies.Count, plan.Ranges];
        var queue = new ConcurrentQueue<(int Bug, int Strategy, int Range)>(work);
        var errors = new ConcurrentQueue<Exception>();
        int finished = 0;
        var threads = Enumerable.Range(0, plan.Threads).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var item))
            {
                try
                {
                    IBug bug = plan.Bugs[item.Bug];
                    ScheduleStrategy strategy = plan.Strategies[item.Strategy];
                    SeedSearch search = SeedSearch.Run(bug, strategy, (plan.FirstRange + item.Range) * BenchmarkPlan.RangeStride, plan.Cap);
                    searches[item.Bug, item.Strategy, item.Range] = search;
                    if (search.FailingSeed is long seed)
                    {
                        failures[item.Bug, item.Strategy, item.Range] =
                            FailureAnalysis.Examine(bug, strategy, seed, plan.Replays, minimize: true, search.FailingPctSteps);
                    }

                    int done = Interlocked.Increment(ref finished);
                    progress?.Invoke($"[{done}/{work.Count}] {bug.Name} {strategy} range {item.Range}: " +
                        (search.FailingSeed is null ? $"not found in {search.SeedsRun}" : $"found after {search.SeedsRun}"));
                }
#pragma warning disable CA1031 // Collected and rethrown once every thread has stopped.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors.Enqueue(e);
                }
            }
        }) { IsBackground = true, Name = "bugbench" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (!errors.IsEmpty)
        {
            throw new AggregateException("The benchmark's own code failed.", errors);
        }

        var results = new List<BugResult>();
        for (int b = 0; b < plan.Bugs.Count; b++)
        {
            for (int s = 0; s < plan.Strategies.Count; s++)
            {
                int ranges = plan.Strategies[s] == ScheduleStrategy.Fifo ? 1 : plan.Ranges;
                results.Add(new BugResult(plan.Bugs[b], plan.Strategies[s],
                    [.. Enumerable.Range(0, ranges).Select(r => searches[b, s, r])],
                    [.. Enumerable.Range(0, ranges).Select(r => failures[b, s, r])]));
            }
        }

        return results;
    }
}
