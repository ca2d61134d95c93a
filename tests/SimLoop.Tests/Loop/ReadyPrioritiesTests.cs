namespace SimLoop.Tests.Loop;

public class ReadyPrioritiesTests
{
    private long _sequence;

    private static VoidSimTask Task(Simulation sim, long priority) =>
        new VoidSimTask(sim.Loop, () => System.Threading.Tasks.Task.CompletedTask, "p" + priority) { Priority = priority };

    private WorkItem Item(SimTask? owner) =>
        new(callback: static _ => { }, state: null, owner, ++_sequence, TraceEventKind.Continuation);

    // The choice Pct made before its heap: scan every ready item, the highest priority winning, the oldest among equals.
    private static int LinearScan(ReadyQueue ready)
    {
        int best = 0;
        for (int i = 1; i < ready.Count; i++)
        {
            long candidate = ReadyPriorities.Priority(ready[i]);
            long current = ReadyPriorities.Priority(ready[best]);
            if (candidate > current || (candidate == current && ready[i].Sequence < ready[best].Sequence))
            {
                best = i;
            }
        }

        return best;
    }

    private static (ReadyQueue Queue, ReadyPriorities Priorities) Attached()
    {
        var queue = new ReadyQueue();
        var priorities = new ReadyPriorities();
        queue.Attach(priorities);
        return (queue, priorities);
    }

    [Test]
    public void Highest_TasksOfDifferentPriorities_IsTheHighestPriorityItem()
    {
        var sim = new Simulation();
        (ReadyQueue queue, ReadyPriorities priorities) = Attached();
        queue.Enqueue(Item(Task(sim, 5)));
        queue.Enqueue(Item(Task(sim, 9)));
        queue.Enqueue(Item(Task(sim, 7)));

        Assert.That(queue[queue.IndexOfSlot(priorities.Highest().Slot)].Owner!.Priority, Is.EqualTo(9));
    }

    [Test]
    public void Highest_EqualPriorities_IsTheOldestItem_NotTheNewest()
    {
        var sim = new Simulation();
        SimTask task = Task(sim, 3);
        (ReadyQueue queue, ReadyPriorities priorities) = Attached();
        queue.Enqueue(Item(Task(sim, 1)));
        WorkItem older = Item(task);
        WorkItem newer = Item(task);
        queue.Enqueue(older);
        queue.Enqueue(newer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.RemoveAt(queue.IndexOfSlot(priorities.Highest().Slot)).Sequence, Is.EqualTo(older.Sequence));
            Assert.That(queue.RemoveAt(queue.IndexOfSlot(priorities.Highest().Slot)).Sequence, Is.EqualTo(newer.Sequence));
        }
    }

    [Test]
    public void Highest_WorkOfNoTask_RunsBeforeEveryTask()
    {
        var sim = new Simulation();
        (ReadyQueue queue, ReadyPriorities priorities) = Attached();
        queue.Enqueue(Item(Task(sim, long.MaxValue - 1)));
        queue.Enqueue(Item(owner: null));

        Assert.That(queue[queue.IndexOfSlot(priorities.Highest().Slot)].Owner, Is.Null);
    }

    [Test]
    public void Attach_AfterAPriorityChanged_ReadsItAfresh()
    {
        var sim = new Simulation();
        SimTask high = Task(sim, 10);
        (ReadyQueue queue, ReadyPriorities priorities) = Attached();
        queue.Enqueue(Item(high));
        queue.Enqueue(Item(Task(sim, 5)));

        high.Priority = 1;
        queue.Attach(priorities);

        Assert.That(queue[queue.IndexOfSlot(priorities.Highest().Slot)].Owner!.Priority, Is.EqualTo(5));
    }

    [Test]
    public void Attach_ToAQueueHoldingItems_TakesThemAll()
    {
        var sim = new Simulation();
        var queue = new ReadyQueue();
        for (int i = 0; i < 40; i++)
        {
            queue.Enqueue(Item(Task(sim, (i * 7) % 40)));
        }

        var priorities = new ReadyPriorities();
        queue.Attach(priorities);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(priorities.Count, Is.EqualTo(40));
            Assert.That(queue.IndexOfSlot(priorities.Highest().Slot), Is.EqualTo(LinearScan(queue)));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void EveryChoice_UnderRandomTraffic_IsTheLinearScansChoice(int seed)
    {
        // Items become ready and are taken (the highest, or any: the loop takes index 0 alone without asking Pct) while
        // the ring wraps and grows, and priorities change now and then; the heap must agree with the scan every time.
        var random = new Random(seed);
        var sim = new Simulation();
        SimTask[] tasks = [.. Enumerable.Range(0, 8).Select(i => Task(sim, random.Next(4)))];
        (ReadyQueue queue, ReadyPriorities priorities) = Attached();
        int agreed = 0;
        int largest = 0;
        for (int operation = 0; operation < 20_000; operation++)
        {
            // Alternate phases of filling (the ring grows to hundreds of slots) and draining (it wraps, then empties).
            bool filling = (operation / 1_000) % 2 == 0;
            if (queue.Count == 0 || random.Next(100) < (filling ? 65 : 35))
            {
                queue.Enqueue(Item(random.Next(10) == 0 ? null : tasks[random.Next(tasks.Length)]));
                continue;
            }

            if (random.Next(25) == 0)
            {
                tasks[random.Next(tasks.Length)].Priority = random.Next(4);
                queue.Attach(priorities);
            }

            int chosen = queue.IndexOfSlot(priorities.Highest().Slot);
            Assert.That(chosen, Is.EqualTo(LinearScan(queue)), $"operation {operation}");
            agreed++;
            largest = Math.Max(largest, queue.Count);
            queue.RemoveAt(random.Next(3) == 0 ? random.Next(queue.Count) : chosen);
            Assert.That(priorities.Count, Is.EqualTo(queue.Count));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(agreed, Is.GreaterThan(5_000));
            Assert.That(largest, Is.GreaterThan(64), "the ring grew several times");
        }
    }

    [Test]
    public void PctStrategy_UnderRandomTraffic_ChoosesAsTheLinearScanOverPrioritiesAfterItsChangePoints()
    {
        // The strategy as a whole: whatever it did to a task's priority at a change point, its choice is the item the
        // scan finds over the priorities as they are after the choice, which is what Pct did before it had a heap.
        var random = new Random(7);
        var sim = new Simulation();
        var strategy = new PctStrategy(seed: 11, depth: 30, steps: 60);
        SimTask[] tasks = [.. Enumerable.Range(0, 6).Select(_ => Task(sim, 0))];
        foreach (SimTask task in tasks)
        {
            strategy.OnTaskCreated(task);
        }

        var queue = new ReadyQueue();
        long[] before = [.. tasks.Select(t => t.Priority)];
        for (int step = 1; step <= 400; step++)
        {
            while (queue.Count < 2 || random.Next(3) == 0)
            {
                queue.Enqueue(Item(tasks[random.Next(tasks.Length)]));
            }

            int choice = strategy.NextReadyItem(queue, step);
            Assert.That(choice, Is.EqualTo(LinearScan(queue)), $"step {step}");
            queue.RemoveAt(choice);
        }

        Assert.That(tasks.Select(t => t.Priority), Is.Not.EqualTo(before), "change points lowered some priorities");
    }
}
