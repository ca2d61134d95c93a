using static SimLoop.Tests.Loop.ReadyItems;

namespace SimLoop.Tests.Loop;

public class ReadyQueueTests
{
    // Leaves the queue with items 7..22 in a full ring of 16 whose head is at slot 6: slots 6..15 hold 7..16 and
    // slots 0..5 hold 17..22, so the posting order and the physical order of the slots differ.
    private static ReadyQueue WrappedFullRing()
    {
        var queue = new ReadyQueue();
        for (long sequence = 1; sequence <= 10; sequence++)
        {
            queue.Enqueue(Item(sequence));
        }

        for (int i = 0; i < 6; i++)
        {
            queue.RemoveAt(0);
        }

        for (long sequence = 11; sequence <= 22; sequence++)
        {
            queue.Enqueue(Item(sequence));
        }

        return queue;
    }

    [Test]
    public void RemoveAtZero_AfterGrowingAWrappedRing_ReturnsItemsInPostingOrder()
    {
        ReadyQueue queue = WrappedFullRing();
        queue.Enqueue(Item(23));
        queue.Enqueue(Item(24));

        var removed = new List<long>();
        while (queue.Count > 0)
        {
            removed.Add(queue.RemoveAt(0).Sequence);
        }

        Assert.That(removed, Is.EqualTo(Enumerable.Range(7, 18).Select(i => (long)i)));
    }

    [Test]
    public void Indexer_AfterGrowingAWrappedRing_ReadsItemsInPostingOrder()
    {
        ReadyQueue queue = WrappedFullRing();
        queue.Enqueue(Item(23));

        Assert.That(Sequences(queue), Is.EqualTo(Enumerable.Range(7, 17).Select(i => (long)i)));
    }

    [Test]
    public void RemoveAtMiddle_AfterGrowingAWrappedRing_TakesThatItem_AndMovesTheOldestIntoItsPlace()
    {
        ReadyQueue queue = WrappedFullRing();
        queue.Enqueue(Item(23));

        WorkItem taken = queue.RemoveAt(5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken.Sequence, Is.EqualTo(12));
            Assert.That(queue.Count, Is.EqualTo(16));
            Assert.That(Sequences(queue), Is.EqualTo(new long[] { 8, 9, 10, 11, 7, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 }));
        }
    }

    [Test]
    public void RemoveAtMiddle_InAWrappedRing_WithoutGrowing_KeepsEveryOtherItem()
    {
        ReadyQueue queue = WrappedFullRing();

        WorkItem taken = queue.RemoveAt(12);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken.Sequence, Is.EqualTo(19));
            Assert.That(Sequences(queue), Is.EquivalentTo(Enumerable.Range(7, 16).Where(i => i != 19).Select(i => (long)i)));
            Assert.That(queue[11].Sequence, Is.EqualTo(7));
        }
    }

    [Test]
    public void Enqueue_PastSeveralGrowths_WithoutWrapping_KeepsPostingOrder()
    {
        ReadyQueue queue = Queue(100);

        Assert.That(Sequences(queue), Is.EqualTo(Enumerable.Range(1, 100).Select(i => (long)i)));
    }

    [Test]
    public void RemoveAtZero_InterleavedWithEnqueues_AcrossGrowths_IsFirstInFirstOut()
    {
        // Two in, one out, 60 times: the head walks around the ring while it grows from 16 to 32 to 64.
        var queue = new ReadyQueue();
        var removed = new List<long>();
        long next = 1;
        for (int round = 0; round < 60; round++)
        {
            queue.Enqueue(Item(next++));
            queue.Enqueue(Item(next++));
            removed.Add(queue.RemoveAt(0).Sequence);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.EqualTo(Enumerable.Range(1, 60).Select(i => (long)i)));
            Assert.That(Sequences(queue), Is.EqualTo(Enumerable.Range(61, 60).Select(i => (long)i)));
        }
    }

    [Test]
    public void RemoveAtLast_TakesTheNewest_AndMovesTheOldestIntoItsSlot()
    {
        ReadyQueue queue = Queue(4);

        WorkItem taken = queue.RemoveAt(3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken.Sequence, Is.EqualTo(4));
            Assert.That(Sequences(queue), Is.EqualTo(new long[] { 2, 3, 1 }));
        }
    }

    [Test]
    public void RemoveAt_TheLastItem_LeavesAnEmptyQueueThatTakesNewItems()
    {
        ReadyQueue queue = Queue(1);

        queue.RemoveAt(0);
        queue.Enqueue(Item(2));

        Assert.That(Sequences(queue), Is.EqualTo(new long[] { 2 }));
    }

    [TestCase(-1)]
    [TestCase(3)]
    public void Indexer_OutsideTheQueue_IsAnInvariantFailure(int index)
    {
        ReadyQueue queue = Queue(3);

        Assert.That(() => queue[index], Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("within the queue"));
    }

    [TestCase(0, 0)]
    [TestCase(3, 3)]
    [TestCase(3, -1)]
    public void RemoveAt_OutsideTheQueue_IsAnInvariantFailure(int count, int index) =>
        Assert.That(() => Queue(count).RemoveAt(index), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("chosen ready item is within the queue"));

    [Test]
    public void Enqueue_ASequenceNotAboveTheLast_IsAnInvariantFailure()
    {
        ReadyQueue queue = Queue(3);

        Assert.That(() => queue.Enqueue(Item(3)), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("increasing sequence"));
    }

    // The same program in asyncio (a worker printing "i start", sleep(0), "i middle", sleep(0), "i end"; main creating
    // 20 of them, printing, sleeping 0, printing and awaiting each) prints exactly these lines under CPython 3.11. Main's
    // first step leaves the ring's head at slot 1, so the 16th spawn wraps to slot 0 and the 17th grows the ring.
    [Test]
    public void Fifo_MoreThanSixteenReady_AfterTheRingWrapped_RunsInAsyncioOrder()
    {
        var log = new List<string>();
        new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Fifo }).Run(async () =>
        {
            SimTask[] workers = [.. Enumerable.Range(0, 20).Select(i => Sim.Spawn(async () =>
            {
                log.Add($"{i} start");
                await Sim.Delay(TimeSpan.Zero);
                log.Add($"{i} middle");
                await Sim.Delay(TimeSpan.Zero);
                log.Add($"{i} end");
            }))];
            log.Add("main spawned");
            await Sim.Delay(TimeSpan.Zero);
            log.Add("main yielded");
            foreach (SimTask worker in workers)
            {
                await worker;
            }

            log.Add("main done");
        });

        IEnumerable<string> Phase(string what) => Enumerable.Range(0, 20).Select(i => $"{i} {what}");
        string[] asyncio = ["main spawned", .. Phase("start"), "main yielded", .. Phase("middle"), .. Phase("end"), "main done"];
        Assert.That(log, Is.EqualTo(asyncio));
    }
}
