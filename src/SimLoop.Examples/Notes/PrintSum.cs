namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/print_sum.py, the notes' third example: a coroutine awaiting a sub-coroutine. The
// loop idles for one virtual second while both are suspended, then the result flows back to print_sum.
internal static class PrintSum
{
    public static Task RunAsync(TextWriter output) => PrintSumAsync(output, 1, 2); // asyncio.run(print_sum(1, 2))

    private static async Task<int> Compute(TextWriter output, int x, int y)
    {
        output.WriteLine($"Compute {x} + {y} ...");
        await Sim.Delay(TimeSpan.FromSeconds(1));
        return x + y;
    }

    private static async Task PrintSumAsync(TextWriter output, int x, int y)
    {
        int result = await Compute(output, x, y);
        output.WriteLine($"{x} + {y} = {result}");
    }
}
