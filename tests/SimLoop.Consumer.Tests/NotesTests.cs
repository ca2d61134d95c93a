namespace SimLoop.Consumer.Tests;

// Assert.Multiple, not EnterMultipleScope: this project also builds against NUnit 4.1, which predates it.
// A notes program, as a user ports one: asyncio's cancel_me (reference/asyncio/cancel_me.py) with the lines
// CPython 3.11 printed. Cancellation reaches the innermost await first, and the hour-long sleep takes no time.
public class NotesTests
{
    [Test]
    public void CancelMe_CancelledAfterOneSecond_PrintsCPythonsLinesInOrder()
    {
        var output = new StringWriter { NewLine = "\n" };
        var sim = new Simulation();

        sim.Run(() => MainAsync(output));

        Assert.Multiple(() =>
        {
            Assert.That(output.ToString(), Is.EqualTo(
                "cancel_me(): before sleep\n" +
                "cancel_me()2: cancel sleep\n" +
                "cancel_me(): cancel sleep\n" +
                "cancel_me(): after sleep\n" +
                "main(): cancel_me is cancelled now\n"));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }

    private static async Task CancelMe2(TextWriter output)
    {
        try
        {
            await Sim.Delay(TimeSpan.FromHours(1));
        }
        catch (SimCancelledException)
        {
            output.WriteLine("cancel_me()2: cancel sleep");
            throw;
        }
    }

    private static async Task CancelMe(TextWriter output)
    {
        output.WriteLine("cancel_me(): before sleep");
        try
        {
            await CancelMe2(output);
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
        SimTask task = Sim.Spawn(() => CancelMe(output), "cancel_me");
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
