namespace SimLoop.Compatibility.Tests;

// IAsyncDisposable through await using, with and without ConfigureAwait(false), whose DisposeAsync waits in
// virtual time; a task cancelled inside the using block still disposes, once, before its canceller resumes.
public class AsyncDisposableScenarios
{
    private sealed class Connection(string name, Action<string> print) : IAsyncDisposable
    {
        private int _disposals;

        public async ValueTask DisposeAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Sim.Clock).ConfigureAwait(false);
            print($"{name} disposed at {Sim.Elapsed} (#{Interlocked.Increment(ref _disposals)})");
        }
    }

    [Test]
    public void AwaitUsing_TwoTasks_EachDisposesOnceAfterItsWork()
    {
        DeterminismHarness.Check(async print =>
        {
            SimTask captured = Sim.Spawn(async () =>
            {
                await using var connection = new Connection("captured", print);
                await Sim.Delay(TimeSpan.FromSeconds(2));
                print("captured worked");
            }, "captured");
            SimTask free = Sim.Spawn(async () =>
            {
                var connection = new Connection("free", print);
                await using (connection.ConfigureAwait(false))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), Sim.Clock).ConfigureAwait(false);
                    print("free worked");
                }
            }, "free");
            await captured;
            await free;
        }, run =>
        {
            foreach (string name in new[] { "captured", "free" })
            {
                Assert.That(run.Lines.Where(l => l.StartsWith(name, StringComparison.Ordinal)),
                    Is.EqualTo(new[] { $"{name} worked", $"{name} disposed at 00:00:03 (#1)" }), run.Where);
            }
        });
    }

    [Test]
    public void AwaitUsing_TaskCancelledInside_DisposesOnceBeforeTheCancellerResumes()
    {
        DeterminismHarness.Check(async print =>
        {
            SimTask worker = Sim.Spawn(async () =>
            {
                await using var connection = new Connection("worker", print);
                await Sim.Delay(TimeSpan.FromHours(1));
                print("worker finished its work");
            }, "worker");
            SimTask peer = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(6));
                print("peer at 00:00:06");
            }, "peer");
            await Sim.Delay(TimeSpan.FromSeconds(5));
            worker.Cancel("enough");
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
                print($"main saw the cancellation at {Sim.Elapsed}");
            }

            await peer;
        }, run =>
        {
            Assert.That(run.Lines.Where(l => !l.StartsWith("peer", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "worker disposed at 00:00:06 (#1)", "main saw the cancellation at 00:00:06" }), run.Where);
            Assert.That(run.Lines, Does.Contain("peer at 00:00:06"), run.Where);
        });
    }
}
