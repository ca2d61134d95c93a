using System.Globalization;
using System.Threading.Channels;

namespace SimLoop.Tests.Strategies;

// Pct's choices are part of what a seed means: a replay line printed by an earlier version must replay the same run.
// pct-fingerprints.txt holds, for every program and seed below, the fingerprint (which covers each step's choice and
// candidate count) and the step count that the strategy's linear scan over the ready queue produced before the ready
// items were kept in a heap (runs at depth 3 and 4 recorded again when each run began drawing its number of change
// points from the seed, which depth 1 and 2 do not draw). The programs below must never change, or the file stops
// meaning anything.
public class PctChoicesTests
{
    internal const int Seeds = 300;

    internal static readonly (string Name, Func<Task> Main)[] Programs =
    [
        ("yields", Yields),
        ("timers", Timers),
        ("spawns", () => Spawns(depth: 4)),
        ("channels", Channels),
        ("cancellations", Cancellations),
    ];

    // Depth and horizon vary with the seed, so runs with none, one, and one to three change points, drawn and given, all count.
    internal static SimulationOptions Options(long seed) => new()
    {
        Seed = seed,
        Strategy = ScheduleStrategy.Pct,
        PctDepth = 1 + (int)(seed % 4),
        PctSteps = seed % 3 == 0 ? 0 : (int)(seed % 50) + 1,
        TraceCapacity = 0,
    };

    internal static string Run(string program, Func<Task> main, long seed)
    {
        var sim = new Simulation(Options(seed));
        sim.Run(main);
        return string.Create(CultureInfo.InvariantCulture, $"{program} {seed} {sim.Trace.Fingerprint} {sim.Steps}");
    }

    private static Dictionary<string, string> Recorded()
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Strategies", "pct-fingerprints.txt");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .ToDictionary(line => string.Join(' ', line.Split(' ')[..2]), line => line);
    }

    [Test]
    public void EverySeed_OfEveryProgram_MakesTheChoicesRecordedFromTheLinearScan()
    {
        Dictionary<string, string> recorded = Recorded();
        var differing = new List<string>();
        foreach ((string name, Func<Task> main) in Programs)
        {
            for (long seed = 0; seed < Seeds; seed++)
            {
                string line = Run(name, main, seed);
                if (recorded[string.Create(CultureInfo.InvariantCulture, $"{name} {seed}")] != line)
                {
                    differing.Add(line);
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded, Has.Count.EqualTo(Programs.Length * Seeds), "one recorded line per program and seed");
            Assert.That(differing, Is.Empty, "runs whose choices differ from the recorded ones");
        }
    }

    [Test]
    public void RecordedRuns_DifferBetweenSeeds_SoTheyPinTheChoices()
    {
        // The recorded fingerprints must tell schedules apart, or matching them would prove nothing.
        Dictionary<string, string> recorded = Recorded();
        foreach ((string name, _) in Programs)
        {
            int distinct = recorded.Values.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')[2]).Distinct().Count();
            Assert.That(distinct, Is.GreaterThan(Seeds / 10), name);
        }
    }

    private static async Task Yields()
    {
        var tasks = new List<SimTask>();
        for (int t = 0; t < 5; t++)
        {
            int yields = 3 + (t * 4);
            tasks.Add(Sim.Spawn(async () =>
            {
                for (int i = 0; i < yields; i++)
                {
                    if (i % 3 == 0)
                    {
                        await Sim.Yield();
                    }
                    else
                    {
                        await Task.Yield();
                    }
                }
            }, "yielder-" + t));
        }

        foreach (SimTask task in tasks)
        {
            await task;
        }
    }

    private static async Task Timers()
    {
        Simulation sim = Sim.Current;
        int fired = 0;
        sim.At(TimeSpan.FromMilliseconds(5), () => fired++);
        sim.At(TimeSpan.FromMilliseconds(5), () => fired++);
        var tasks = new List<SimTask>();
        for (int t = 0; t < 6; t++)
        {
            int step = 1 + (t % 3);
            tasks.Add(Sim.Spawn(async () =>
            {
                for (int i = 0; i < 4; i++)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(step));
                    await Task.Delay(TimeSpan.FromMilliseconds(step), Sim.Clock);
                }
            }, "sleeper-" + t));
        }

        foreach (SimTask task in tasks)
        {
            await task;
        }
    }

    private static async Task Spawns(int depth)
    {
        if (depth == 0)
        {
            await Sim.Yield();
            return;
        }

        SimTask left = Sim.Spawn(() => Spawns(depth - 1), "left-" + depth);
        await Sim.Yield();
        SimTask right = Sim.Spawn(() => Spawns(depth - 1), "right-" + depth);
        await left;
        await right;
    }

    private static async Task Channels()
    {
        Channel<int> channel = Channel.CreateBounded<int>(2);
        var producers = new List<SimTask>();
        for (int p = 0; p < 3; p++)
        {
            int first = p * 100;
            producers.Add(Sim.Spawn(async () =>
            {
                for (int i = 0; i < 6; i++)
                {
                    await channel.Writer.WriteAsync(first + i);
                }
            }, "producer-" + p));
        }

        var consumers = new List<SimTask<int>>();
        for (int c = 0; c < 2; c++)
        {
            consumers.Add(Sim.Spawn(async () =>
            {
                int sum = 0;
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out int value))
                    {
                        sum += value;
                        await Sim.Yield();
                    }
                }

                return sum;
            }, "consumer-" + c));
        }

        foreach (SimTask producer in producers)
        {
            await producer;
        }

        channel.Writer.Complete();
        int total = 0;
        foreach (SimTask<int> consumer in consumers)
        {
            total += await consumer;
        }

        Invariant(total == (3 * (0 + 1 + 2 + 3 + 4 + 5)) + (6 * 300), "every value consumed once");
    }

    private static async Task Cancellations()
    {
        var semaphore = new SemaphoreSlim(1);
        var workers = new List<SimTask>();
        for (int w = 0; w < 4; w++)
        {
            workers.Add(Sim.Spawn(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await semaphore.WaitAsync();
                    try
                    {
                        await Sim.Delay(TimeSpan.FromMilliseconds(1));
                    }
                    finally
                    {
                        semaphore.Release();
                    }
                }
            }, "worker-" + w));
        }

        SimTask slow = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "slow");
        try
        {
            await Sim.WaitFor(slow, TimeSpan.FromMilliseconds(3));
        }
        catch (TimeoutException)
        {
        }

        workers[3].Cancel("enough");
        foreach (SimTask worker in workers)
        {
            try
            {
                await worker;
            }
            catch (SimCancelledException)
            {
            }
        }
    }

    private static void Invariant(bool condition, string why)
    {
        if (!condition)
        {
            throw new InvalidOperationException(why);
        }
    }
}
