using SimLoop.Benchmarks.Floor;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Smoke;

// The floor is a measuring stick, so it must be correct: virtual time through its TimeProvider, order of ready work,
// and the notes' golden output.
public class FloorTests
{
    [Test]
    public void FloorClock_TaskDelayOnIt_ElapsesVirtualTimeOnly()
    {
        var loop = new FloorLoop();
        var order = new List<int>();
        async Task SleepThenAdd(TimeSpan delay, int value)
        {
            await Task.Delay(delay, loop.Clock);
            order.Add(value);
        }

        loop.Run(async () =>
        {
            Task late = SleepThenAdd(TimeSpan.FromSeconds(2), 2);
            await SleepThenAdd(TimeSpan.FromSeconds(1), 1);
            await late;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order, Is.EqualTo((int[])[1, 2]));
            Assert.That(new TimeSpan(loop.ElapsedTicks), Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }

    [Test]
    public void FloorTimer_Disposed_NeverFires()
    {
        var loop = new FloorLoop();
        int fired = 0;
        loop.Run(async () =>
        {
            ITimer timer = loop.Clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            timer.Dispose();
            await loop.Delay(TimeSpan.FromSeconds(5));
        });

        Assert.That(fired, Is.Zero);
    }

    [Test]
    public void FloorLoop_Yields_RunInPostingOrder()
    {
        var loop = new FloorLoop();
        var order = new List<string>();
        loop.Run(() => Task.WhenAll(loop.Spawn(() => Steps("a", order)), loop.Spawn(() => Steps("b", order))));

        Assert.That(order, Is.EqualTo((string[])["a0", "b0", "a1", "b1"]));
    }

    [TestCase("cancel_me")]
    [TestCase("get_html")]
    public void NoteOutputs_ComparedWithGoldenFile_AreEqual(string note)
    {
        string[] golden = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Notes", note + ".out"));

        Assert.That(note == "cancel_me" ? NoteOutputs.CancelMe : NoteOutputs.GetHtml, Is.EqualTo(golden));
    }

    private static async Task Steps(string name, List<string> order)
    {
        for (int i = 0; i < 2; i++)
        {
            order.Add(name + i);
            await Task.Yield();
        }
    }
}
