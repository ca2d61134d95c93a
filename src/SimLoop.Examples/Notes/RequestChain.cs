using System.Globalization;

namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/request_chain.py, the notes' a -> b -> c story: a asks b with a 1 s timeout, b asks
// c, c takes 5 s. The first handler to see the cancellation is b's request to c, not b's own handler, which
// makes it look as if c timed out; the exception's CancellationCause says what really happened. Where the .py
// awaits c_serve() in b, c's handler runs here as a task of its own, "c", as it would on its own server: asyncio
// and SimLoop pass b's cancellation on to it alike (the same lines print), and the trace and the timeline then
// show the cancellation travelling main (the notes' a) -> b -> c, each step with its cause.
internal static class RequestChain
{
    public static Task RunAsync(TextWriter output) => AMain(output);

    private static async Task<string> CServe(TextWriter output)
    {
        try
        {
            await Sim.Delay(TimeSpan.FromSeconds(5));
            return "c's answer";
        }
        finally
        {
            output.WriteLine("c: handler finished");
        }
    }

    private static async Task<string> BRequestC(TextWriter output)
    {
        try
        {
            return await Sim.Spawn(() => CServe(output), "c");
        }
        catch (SimCancelledException)
        {
            output.WriteLine("b: request to c cancelled");
            throw;
        }
    }

    private static async Task<string> BServe(TextWriter output)
    {
        try
        {
            return await BRequestC(output);
        }
        catch (SimCancelledException)
        {
            output.WriteLine("b: handler for a cancelled");
            throw;
        }
        finally
        {
            output.WriteLine("b: handler finished");
        }
    }

    private static async Task AMain(TextWriter output)
    {
        long start = Sim.Clock.GetTimestamp();
        try
        {
            await Sim.WaitFor(Sim.Spawn(() => BServe(output), "b"), TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            // Its InnerException is b's SimCancelledException, whose Cause names main's 1 s timeout, not c;
            // the examples print that cause chain after this program's own lines.
            double seconds = Sim.Clock.GetElapsedTime(start).TotalSeconds;
            output.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"a: request to b timed out after {seconds:0} s"));
        }
    }
}
