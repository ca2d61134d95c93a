namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/ReleaseOnCancelBug.cs: a caller cancelled while waiting on a SemaphoreSlim still releases it in `finally`.
internal sealed class ReleaseOnCancelPort : IPort
{
    public string Name => "release-on-cancel";

    public string Failure => nameof(InvalidOperationException);

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

        Task[] tasks =
        [
            Task.Run(() => UseAsync(CancellationToken.None)),
            Task.Run(() => UseAsync(hurry.Token)),
            Task.Run(async () =>
            {
                await Task.Yield();
                await UseAsync(CancellationToken.None);
            }),
            Task.Run(async () =>
            {
                for (int i = 0; i < 4; i++)
                {
                    await Task.Yield(); // the user thinks it over
                }

                await hurry.CancelAsync();
            }),
        ];
        foreach (Task task in tasks)
        {
            await task;
        }
    }
}
