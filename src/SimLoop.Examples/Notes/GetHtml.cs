namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/get_html.py, the notes' first example: three tasks that sleep 2, 3 and 4 seconds
// run concurrently, so the whole program takes 4 s of virtual time (and microseconds of real time).
internal static class GetHtml
{
    private static readonly int[] SleepTimes = [2, 3, 4];

    public static Task RunAsync(TextWriter output) => MainAsync(output);

    private static async Task Get(TextWriter output, int sleepTime)
    {
        output.WriteLine("waiting");
        await Sim.Delay(TimeSpan.FromSeconds(sleepTime));
        output.WriteLine($"done after {sleepTime}s");
    }

    private static async Task MainAsync(TextWriter output)
    {
        SimTask[] tasks = [.. SleepTimes.Select(t => Sim.Spawn(() => Get(output, t), $"get_html({t})"))];
        await Wait.All(tasks);
    }
}
