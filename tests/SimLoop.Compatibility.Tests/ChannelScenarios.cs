using System.Threading.Channels;

namespace SimLoop.Compatibility.Tests;

// Channel<T>, bounded and unbounded, with two producers and one or two consumers, through every way of reading
// (ReadAsync, ReadAllAsync, WaitToReadAsync + TryRead). The channel completes a waiting reader or writer through its
// own IValueTaskSource: a continuation that captured a task's context is posted there; one that did not (the
// BCL's ReadAllAsync awaits with ConfigureAwait(false), as do consumers that ask for it) goes to the thread pool,
// where the core runs it as a loop step.
public class ChannelScenarios
{
    private const int ItemsPerProducer = 3;

    private static Channel<string> Create(int capacity, bool synchronousContinuations) => capacity == 0
        ? Channel.CreateUnbounded<string>(new UnboundedChannelOptions { AllowSynchronousContinuations = synchronousContinuations })
        : Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = synchronousContinuations,
        });

    private static async Task ProduceAsync(ChannelWriter<string> writer, string name, Action<string> print, bool continueOnCapturedContext)
    {
        for (int i = 0; i < ItemsPerProducer; i++)
        {
            await writer.WriteAsync($"{name}.{i}").ConfigureAwait(continueOnCapturedContext);
            print($"{name} wrote {name}.{i}");
        }
    }

    // Two producers, consumers reading with `read`; main completes the writer when both producers are done.
    private static Func<Action<string>, Task> Pipeline(
        int capacity, bool synchronousContinuations, bool continueOnCapturedContext, int consumers,
        Func<ChannelReader<string>, string, Action<string>, Task> read) => async print =>
    {
        Channel<string> channel = Create(capacity, synchronousContinuations);
        SimTask[] readers = [.. Enumerable.Range(0, consumers).Select(i =>
            Sim.Spawn(() => read(channel.Reader, $"c{i}", print), $"c{i}"))];
        SimTask a = Sim.Spawn(() => ProduceAsync(channel.Writer, "a", print, continueOnCapturedContext), "a");
        SimTask b = Sim.Spawn(() => ProduceAsync(channel.Writer, "b", print, continueOnCapturedContext), "b");
        await a;
        await b;
        channel.Writer.Complete();
        foreach (SimTask reader in readers)
        {
            await reader;
        }
    };

    private static async Task ReadAllAsync(ChannelReader<string> reader, string name, Action<string> print)
    {
        await foreach (string item in reader.ReadAllAsync())
        {
            print($"{name} got {item}");
        }
    }

    private static async Task ReadAsyncUntilClosed(ChannelReader<string> reader, string name, Action<string> print)
    {
        while (true)
        {
            try
            {
                string item = await reader.ReadAsync().ConfigureAwait(false);
                print($"{name} got {item}");
            }
            catch (ChannelClosedException)
            {
                return;
            }
        }
    }

    private static async Task WaitToReadThenTryRead(ChannelReader<string> reader, string name, Action<string> print)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out string? item))
            {
                print($"{name} got {item}");
                await Task.Yield(); // let the writers run between items
            }
        }
    }

    // Every item arrives exactly once, and each consumer sees each producer's items in the order they were written
    // (two consumers may print theirs in either order: the channel orders reads, not what readers do next).
    private static void AssertExactlyOnceInOrder(ScenarioRun run)
    {
        (string Consumer, string Item)[] received = [.. run.Lines
            .Where(l => l.Contains(" got ", StringComparison.Ordinal))
            .Select(l => (l[..2], l[(l.IndexOf(" got ", StringComparison.Ordinal) + 5)..]))];
        string[] expected = [.. new[] { "a", "b" }.SelectMany(p => Enumerable.Range(0, ItemsPerProducer).Select(i => $"{p}.{i}"))];
        Assert.That(received.Select(r => r.Item), Is.EquivalentTo(expected), $"{run.Where}: {run.Output}");
        foreach (var consumer in received.GroupBy(r => r.Consumer))
        {
            foreach (string producer in new[] { "a.", "b." })
            {
                Assert.That(consumer.Select(r => r.Item).Where(r => r.StartsWith(producer, StringComparison.Ordinal)), Is.Ordered,
                    $"{run.Where}: {run.Output}");
            }
        }
    }

    [Test]
    public void Unbounded_WriteAsync_ReadAllAsync_EachItemOnceInOrder()
    {
        DeterminismHarness.Check(Pipeline(0, false, true, 1, ReadAllAsync), AssertExactlyOnceInOrder);
    }

    [Test]
    public void Unbounded_SynchronousContinuations_ReadAsync_EachItemOnceInOrder()
    {
        DeterminismHarness.Check(Pipeline(0, true, true, 1, ReadAsyncUntilClosed), AssertExactlyOnceInOrder);
    }

    [Test]
    public void Bounded_WriteAsyncConfigureAwaitFalse_ReadAllAsync_BackpressureRunsOnTheLoop()
    {
        CompatibilitySummary summary = DeterminismHarness.Check(Pipeline(1, false, false, 1, ReadAllAsync), AssertExactlyOnceInOrder);

        Assert.That(summary.PoolSteps, Is.GreaterThan(0), "ReadAllAsync and blocked writers awaiting with ConfigureAwait(false) should hop to the pool");
    }

    [Test]
    public void Bounded_TwoConsumers_ReadAsync_EachItemOnceInOrder()
    {
        DeterminismHarness.Check(Pipeline(2, false, false, 2, ReadAsyncUntilClosed), AssertExactlyOnceInOrder);
    }

    [Test]
    public void Bounded_WaitToReadAsync_TryRead_EachItemOnceInOrder()
    {
        DeterminismHarness.Check(Pipeline(1, false, true, 2, WaitToReadThenTryRead), AssertExactlyOnceInOrder);
    }

    // A full bounded channel keeps its writers waiting: with capacity 1 and no reader yet, at most one item is in.
    [Test]
    public void Bounded_Full_WriteAsyncWaitsUntilARead()
    {
        DeterminismHarness.Check(async print =>
        {
            Channel<string> channel = Create(1, synchronousContinuations: false);
            SimTask writer = Sim.Spawn(() => ProduceAsync(channel.Writer, "a", print, continueOnCapturedContext: false), "a");
            await Sim.Delay(TimeSpan.FromSeconds(1));
            print($"queued at 1 s: {channel.Reader.Count}");
            SimTask reader = Sim.Spawn(() => ReadAsyncUntilClosed(channel.Reader, "c0", print), "c0");
            await writer;
            channel.Writer.Complete();
            await reader;
        }, run =>
        {
            Assert.That(run.Lines.Take(2), Is.EqualTo(new[] { "a wrote a.0", "queued at 1 s: 1" }), run.Where);
            Assert.That(run.Lines.Where(l => l.StartsWith("c0 got", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "c0 got a.0", "c0 got a.1", "c0 got a.2" }), run.Where);
        }, Races.InTraceOnly);
    }
}
