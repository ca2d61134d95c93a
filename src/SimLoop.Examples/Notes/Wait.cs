namespace SimLoop.Examples.Notes;

// asyncio.wait: waits until every task has finished, whatever its outcome, without raising and without
// passing cancellation on to the tasks.
internal static class Wait
{
    public static Task All(IEnumerable<SimTask> tasks) =>
        AllCore(Task.WhenAll(tasks.Select(t => t.Completion)));

    private static async Task AllCore(Task all) =>
        await all.ConfigureAwait(
            ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
}
