using System.Globalization;

namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/request_chain.py, the notes' a -> b -> c story: a asks b with a 1 s timeout, b asks
// c, c takes 5 s. The first handler to see the cancellation is b's request to c, not b's own handler, which
// makes it look as if c timed out; the exception's CancellationCause says what really happened.
internal static class RequestChain
{
    public static async Task RunAsync(TextWriter output)
    {
        long start = Sim.Clock.GetTimestamp();
        try
        {
            await Sim.WaitFor(Sim.Spawn(BServe, "b"), TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            double seconds = Sim.Clock.GetElapsedTime(start).TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a: request to b timed out after {seconds:0} s"));
        }

        async Task<string> CServe()
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

        async Task<string> BRequestC()
        {
            try
            {
                return await CServe();
            }
            catch (SimCancelledException)
            {
                output.WriteLine("b: request to c cancelled");
                throw;
            }
        }

        async Task<string> BServe()
        {
            try
            {
                return await BRequestC();
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
    }
}
