using static SimLoop.Tests.Clock.TestTimers;

namespace SimLoop.Tests.Clock;

public class TimerQueueTests
{
    // Takes every timer in firing order: each instant's batch, earliest instant first.
    private static List<(long Due, long Sequence)> Drain(TimerQueue queue)
    {
        var fired = new List<(long, long)>();
        var batch = new List<(TimerEntry Entry, int Version)>();
        while (queue.Count > 0)
        {
            batch.Clear();
            queue.TakeDue(queue.NextDueTicks, batch);
            fired.AddRange(batch.Select(b => (b.Entry.DueTicks, b.Entry.Sequence)));
        }

        return fired;
    }

    [Test]
    public void NextDueTicks_Empty_IsNotScheduled() =>
        Assert.That(new TimerQueue().NextDueTicks, Is.EqualTo(TimerEntry.NotScheduled));

    [Test]
    public void NextDueTicks_IsTheEarliestDueTime_WhateverTheAddingOrder()
    {
        var queue = new TimerQueue();
        queue.Add(Entry(1, dueTicks: 30));
        queue.Add(Entry(2, dueTicks: 10));
        queue.Add(Entry(3, dueTicks: 20));

        Assert.That(queue.NextDueTicks, Is.EqualTo(10));
    }

    [Test]
    public void TakeDue_OrdersByDueTime_ThenByCreationSequence()
    {
        var queue = new TimerQueue();
        foreach ((long sequence, long due) in new[] { (5L, 20L), (1L, 20L), (4L, 10L), (2L, 30L), (3L, 10L), (6L, 20L) })
        {
            queue.Add(Entry(sequence, due));
        }

        Assert.That(Drain(queue), Is.EqualTo(new[] { (10L, 3L), (10L, 4L), (20L, 1L), (20L, 5L), (20L, 6L), (30L, 2L) }));
    }

    [Test]
    public void TakeDue_TakesOnlyTheTimersDueAtThatInstant_WithTheirVersion()
    {
        var queue = new TimerQueue();
        TimerEntry early = Entry(1, dueTicks: 10);
        early.Version = 7;
        queue.Add(early);
        queue.Add(Entry(2, dueTicks: 11));

        var batch = new List<(TimerEntry Entry, int Version)>();
        queue.TakeDue(10, batch);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(batch, Is.EqualTo(new[] { (early, 7) }));
            Assert.That(early.IsQueued, Is.False, "a taken timer is out of the queue");
            Assert.That(queue.Count, Is.EqualTo(1));
            Assert.That(queue.NextDueTicks, Is.EqualTo(11));
        }
    }

    [Test]
    public void TakeDue_AnInstantNoTimerIsDueAt_TakesNothing()
    {
        var queue = new TimerQueue();
        queue.Add(Entry(1, dueTicks: 10));
        var batch = new List<(TimerEntry Entry, int Version)>();

        queue.TakeDue(9, batch);

        Assert.That((batch.Count, queue.Count), Is.EqualTo((0, 1)));
    }

    [Test]
    public void Remove_ACancelledTimer_NeverFires_AndTheOthersKeepTheirOrder()
    {
        var queue = new TimerQueue();
        TimerEntry[] timers = [.. Enumerable.Range(1, 7).Select(i => Entry(i, dueTicks: 100 - (i % 3)))];
        foreach (TimerEntry timer in timers)
        {
            queue.Add(timer);
        }

        queue.Remove(timers[1]);   // the root: due first
        queue.Remove(timers[6]);   // the last one added

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timers[1].IsQueued, Is.False);
            Assert.That(Drain(queue), Is.EqualTo(new[] { (98L, 5L), (99L, 1L), (99L, 4L), (100L, 3L), (100L, 6L) }));
        }
    }

    [Test]
    public void ManyTimers_AddedOutOfOrder_WithEveryThirdCancelled_FireByDueTimeThenSequence()
    {
        // 2,000 timers over 50 instants (many ties), added in a scrambled order, past several growths of the heap.
        var queue = new TimerQueue();
        TimerEntry[] timers = [.. Enumerable.Range(1, 2000).Select(i => Entry(i, dueTicks: (i * 7919L) % 50))];
        foreach (TimerEntry timer in timers.OrderBy(t => (t.Sequence * 104729L) % 2003))
        {
            queue.Add(timer);
        }

        foreach (TimerEntry timer in timers.Where(t => t.Sequence % 3 == 0))
        {
            queue.Remove(timer);
        }

        var expected = timers.Where(t => t.Sequence % 3 != 0)
            .OrderBy(t => t.DueTicks).ThenBy(t => t.Sequence).Select(t => (t.DueTicks, t.Sequence));
        Assert.That(Drain(queue), Is.EqualTo(expected));
    }

    [Test]
    public void TimersRemovedAndPutBack_AtTheSameOrAnotherTime_FireOnceEach_AtTheirLastDueTime()
    {
        // Removing most of 3,000 timers rebuilds the heap; of the removed ones, some come back at the same due time
        // (while their old slot may still be in the heap) and some at another.
        var queue = new TimerQueue();
        TimerEntry[] timers = [.. Enumerable.Range(1, 3000).Select(i => Entry(i, dueTicks: 1 + ((i * 7919L) % 97)))];
        foreach (TimerEntry timer in timers)
        {
            queue.Add(timer);
        }

        foreach (TimerEntry timer in timers.Where(t => t.Sequence % 4 != 0))
        {
            queue.Remove(timer);
        }

        foreach (TimerEntry timer in timers.Where(t => t.Sequence % 4 == 1))
        {
            queue.Add(timer);
        }

        foreach (TimerEntry timer in timers.Where(t => t.Sequence % 4 == 2))
        {
            timer.DueTicks = 200 - timer.DueTicks;
            queue.Add(timer);
        }

        var expected = timers.Where(t => t.Sequence % 4 != 3)
            .OrderBy(t => t.DueTicks).ThenBy(t => t.Sequence).Select(t => (t.DueTicks, t.Sequence)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.Count, Is.EqualTo(2250));
            Assert.That(Drain(queue), Is.EqualTo(expected));
            Assert.That(queue.NextDueTicks, Is.EqualTo(TimerEntry.NotScheduled));
        }
    }

    [Test]
    public void ATimerRescheduledManyTimes_LeavesABoundedNumberOfStaleSlots()
    {
        var queue = new TimerQueue();
        TimerEntry[] sleepers = [.. Enumerable.Range(1, 100).Select(i => Entry(i, dueTicks: 1_000_000 + i))];
        foreach (TimerEntry sleeper in sleepers)
        {
            queue.Add(sleeper);
        }

        TimerEntry restless = Entry(101, dueTicks: 500);
        queue.Add(restless);
        int mostSlots = 0;
        for (int i = 0; i < 10_000; i++)
        {
            queue.Remove(restless);
            restless.DueTicks = 500 + (i % 7);
            queue.Add(restless);
            mostSlots = Math.Max(mostSlots, queue.SlotCount);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mostSlots, Is.LessThanOrEqualTo(2 * 101 + 1), "stale slots are dropped once they outnumber the live");
            Assert.That(queue.Count, Is.EqualTo(101));
            Assert.That(Drain(queue).First(), Is.EqualTo((500L + (9_999 % 7), 101L)));
        }
    }

    [Test]
    public void ATimerTakenOffAndPutBackAtItsDueTime_WhileItsOldSlotWaits_FiresOnce()
    {
        var queue = new TimerQueue();
        TimerEntry first = Entry(1, dueTicks: 10);
        TimerEntry later = Entry(2, dueTicks: 5);
        queue.Add(later);
        queue.Add(first);
        queue.Remove(first);    // not the top: its slot stays behind
        queue.Add(first);

        Assert.That(Drain(queue), Is.EqualTo(new[] { (5L, 2L), (10L, 1L) }));
    }

    [Test]
    public void Add_ATimerAlreadyQueued_IsAnInvariantFailure()
    {
        var queue = new TimerQueue();
        TimerEntry timer = Entry(1, dueTicks: 5);
        queue.Add(timer);

        Assert.That(() => queue.Add(timer), Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("not in it"));
    }

    [Test]
    public void Add_ATimerWithoutDueTime_IsAnInvariantFailure() =>
        Assert.That(() => new TimerQueue().Add(Entry(1, TimerEntry.NotScheduled)),
            Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("due time"));

    [Test]
    public void Remove_ATimerNotQueued_IsAnInvariantFailure() =>
        Assert.That(() => new TimerQueue().Remove(Entry(1, dueTicks: 5)),
            Throws.TypeOf<SimulationInvariantException>().With.Message.Contains("was queued"));
}
