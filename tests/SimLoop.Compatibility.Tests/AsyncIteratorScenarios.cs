using System.Runtime.CompilerServices;

namespace SimLoop.Compatibility.Tests;

// Compiler-generated async iterators (their MoveNextAsync is a ManualResetValueTaskSourceCore) consumed with await
// foreach, with and without ConfigureAwait(false), and cancelled through WithCancellation and a sim.Clock token.
public class AsyncIteratorScenarios
{
    private static async IAsyncEnumerable<int> CountAsync(int count, TimeSpan step, [EnumeratorCancellation] CancellationToken token = default)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Delay(step, Sim.Clock, token).ConfigureAwait(false);
            yield return i;
            await Task.Yield();
        }
    }

    // Two consumers on their tasks' contexts race each other; the ConfigureAwait(false) one resumes inside the
    // timer's firing, ahead of both.
    [Test]
    public void AwaitForeach_ThreeConsumers_WithAndWithoutConfigureAwaitFalse_InterleaveInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            SimTask[] captured = [.. new[] { "captured", "context" }.Select(name => Sim.Spawn(async () =>
            {
                await foreach (int i in CountAsync(3, TimeSpan.FromSeconds(1)))
                {
                    print($"{name} {i} at {Sim.Elapsed}");
                }
            }, name))];
            SimTask free = Sim.Spawn(async () =>
            {
                await foreach (int i in CountAsync(3, TimeSpan.FromSeconds(1)).ConfigureAwait(false))
                {
                    print($"free {i} at {Sim.Elapsed}");
                }
            }, "free");
            await captured[0];
            await captured[1];
            await free;
        }, run =>
        {
            foreach (string consumer in new[] { "captured", "context", "free" })
            {
                string[] expected = [.. Enumerable.Range(0, 3).Select(i => $"{consumer} {i} at 00:00:0{i + 1}")];
                Assert.That(run.Lines.Where(l => l.StartsWith(consumer, StringComparison.Ordinal)), Is.EqualTo(expected), run.Where);
            }

            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)), run.Where);
        });
    }

    [Test]
    public void WithCancellation_TokenFromSimClock_EndsTheIterationInVirtualTime()
    {
        DeterminismHarness.Check(async print =>
        {
            SimTask[] consumers = [.. Enumerable.Range(0, 2).Select(c => Sim.Spawn(async () =>
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2.5), Sim.Clock);
                try
                {
                    await foreach (int i in CountAsync(10, TimeSpan.FromSeconds(1)).WithCancellation(stop.Token).ConfigureAwait(c == 0))
                    {
                        print($"c{c} got {i}");
                    }
                }
                catch (OperationCanceledException)
                {
                    print($"c{c} cancelled at {Sim.Elapsed}");
                }
            }, $"c{c}"))];
            foreach (SimTask consumer in consumers)
            {
                await consumer;
            }
        }, run =>
        {
            foreach (string consumer in new[] { "c0", "c1" })
            {
                string[] expected = [$"{consumer} got 0", $"{consumer} got 1", $"{consumer} cancelled at 00:00:02.5000000"];
                Assert.That(run.Lines.Where(l => l.StartsWith(consumer, StringComparison.Ordinal)), Is.EqualTo(expected), run.Where);
            }
        });
    }
}
