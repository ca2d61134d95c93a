using SimLoop.Tests.Loop;

namespace SimLoop.Tests.Strategies;

public class FifoStrategyTests
{
    [TestCase(1)]
    [TestCase(5)]
    [TestCase(40)]
    public void NextReadyItem_IsAlwaysTheOldest(int ready)
    {
        var fifo = new FifoStrategy();
        ReadyQueue queue = ReadyItems.Queue(ready);

        var taken = new List<long>();
        for (long step = 1; queue.Count > 0; step++)
        {
            taken.Add(queue.RemoveAt(fifo.NextReadyItem(queue, step)).Sequence);
        }

        Assert.That(taken, Is.EqualTo(Enumerable.Range(1, ready).Select(i => (long)i)));
    }

    [Test]
    public void NextTimer_IsAlwaysTheFirstCreated() =>
        Assert.That(Enumerable.Range(1, 10).Select(count => new FifoStrategy().NextTimer(count, step: count)), Has.All.EqualTo(0));
}
