namespace SimLoop.BugBench.Bugs;

// Releasing a semaphore that was never acquired: `try { await gate.WaitAsync(token); ... } finally { gate.Release(); }`
// releases even when WaitAsync was cancelled. A caller cancelled while waiting opens the gate for a second caller
// while the first is still inside. In Fifo order the cancellation comes after the caller got in, when it is harmless.
internal sealed class ReleaseOnCancelBug : IBug
{
    public string Name => "release-on-cancel";

    public string Description => "A caller cancelled while waiting on a SemaphoreSlim still releases it in `finally`: two callers get inside.";

    public string Origin => "Cancellation (SemaphoreSlim.WaitAsync with a token)";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 2;

    public async Task Run()
    {
        using var gate = new SemaphoreSlim(1);
        using var hurry = new CancellationTokenSource();
        int inside = 0;
        async Task UseAsync(CancellationToken token)
        {
            try
            {
                await gate.WaitAsync(token);
                inside++;
                if (inside > 1)
                {
                    throw new InvalidOperationException($"{inside} callers inside a gate of one.");
                }

                await Task.Yield(); // use the resource
                inside--;
            }
            catch (OperationCanceledException)
            {
                // The caller gave up waiting.
            }
            finally
            {
                gate.Release(); // the bug: also runs when WaitAsync was cancelled
            }
        }

        SimTask[] tasks =
        [
            Sim.Spawn(() => UseAsync(CancellationToken.None), "caller#1"),
            Sim.Spawn(() => UseAsync(hurry.Token), "caller#2"),
            Sim.Spawn(async () =>
            {
                await Task.Yield();
                await UseAsync(CancellationToken.None);
            }, "caller#3"),
            Sim.Spawn(async () =>
            {
                for (int i = 0; i < 4; i++)
                {
                    await Task.Yield(); // the user thinks it over
                }

                hurry.Cancel();
            }, "user"),
        ];
        foreach (SimTask task in tasks)
        {
            await task;
        }
    }
}
