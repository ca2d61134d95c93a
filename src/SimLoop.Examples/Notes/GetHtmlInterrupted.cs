namespace SimLoop.Examples.Notes;

// Ports reference/asyncio/get_html_interrupted.py: the notes' first example with its KeyboardInterrupt branch
// taken. At 2.5 s every pending task is cancelled, as the notes' except-branch does, and the loop drains: each
// task's finally block runs exactly once.
internal static class GetHtmlInterrupted
{
    private static readonly int[] SleepTimes = [2, 3, 4];

    public static Task RunAsync(TextWriter output) => MainAsync(output);

    private static async Task Get(TextWriter output, int sleepTime)
    {
        output.WriteLine("waiting");
        try
        {
            await Sim.Delay(TimeSpan.FromSeconds(sleepTime));
            output.WriteLine($"done after {sleepTime}s");
        }
        finally
        {
            output.WriteLine($"finally {sleepTime}s");
        }
    }

    private static void Interrupt(TextWriter output, SimTask[] tasks)
    {
        foreach (SimTask task in tasks.Where(t => !t.IsCompleted))
        {
            output.WriteLine("cancel task");
            output.WriteLine(task.Cancel());
        }
    }

    private static async Task MainAsync(TextWriter output)
    {
        SimTask[] tasks = [.. SleepTimes.Select(t => Sim.Spawn(() => Get(output, t), $"get_html({t})"))];
        Sim.Current.At(TimeSpan.FromSeconds(2.5), () => Interrupt(output, tasks)); // loop.call_later(2.5, ...)
        await Wait.All(tasks);
        output.WriteLine($"cancelled: {tasks.Count(t => t.IsCancelled)}");
    }
}
