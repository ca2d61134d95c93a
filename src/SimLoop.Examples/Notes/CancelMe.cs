namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/cancel_me.py. It shows that cancellation reaches the innermost await first: main
// cancels cancel_me, but the first handler to see it is cancel_me2's, which stands for b's request to c.
internal static class CancelMe
{
    public static Task RunAsync(TextWriter output) => MainAsync(output);

    private static async Task CancelMe2(TextWriter output)
    {
        try
        {
            await Sim.Delay(TimeSpan.FromHours(1)); // stands for an HTTP request from b to c
        }
        catch (SimCancelledException)
        {
            output.WriteLine("cancel_me()2: cancel sleep");
            throw;
        }
    }

    private static async Task CancelMeAsync(TextWriter output)
    {
        output.WriteLine("cancel_me(): before sleep");
        try
        {
            await CancelMe2(output); // stands for b serving a's request
        }
        catch (SimCancelledException)
        {
            output.WriteLine("cancel_me(): cancel sleep");
            throw;
        }
        finally
        {
            output.WriteLine("cancel_me(): after sleep");
        }
    }

    private static async Task MainAsync(TextWriter output)
    {
        SimTask task = Sim.Spawn(() => CancelMeAsync(output), "cancel_me");
        await Sim.Delay(TimeSpan.FromSeconds(1));
        task.Cancel();
        try
        {
            await task;
        }
        catch (SimCancelledException)
        {
            output.WriteLine("main(): cancel_me is cancelled now");
        }
    }
}
