namespace SimLoop.Tests.PoolCapture;

// The record of pool work queued outside any step: exact by id (a step's item is stopped only for an id really
// pending), ids sharing a slot both kept, and bounded. Ids above the runtime's 26 bits of hash code, which no real
// work item has, so the pool traffic of other tests does not meet them.
[NonParallelizable]
public class ForeignWorkTests
{
    private const long Base = 0x7000_0000;
    private const int Slots = 1 << 14;

    [Test]
    public void AnId_IsRecordedUntilTaken_AndOnlyThatId()
    {
        ForeignWork.Add(Base + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ForeignWork.Contains(Base + 1), Is.True);
            Assert.That(ForeignWork.Contains(Base + 2), Is.False);
            Assert.That(ForeignWork.Contains(Base + 1 + Slots), Is.False, "another id of the same slot is not it");
            Assert.That(ForeignWork.Remove(Base + 1), Is.True);
            Assert.That(ForeignWork.Contains(Base + 1), Is.False);
            Assert.That(ForeignWork.Remove(Base + 1), Is.False, "taken once");
        }
    }

    [Test]
    public void IdsSharingASlot_AreBothRecorded_AndTakenEachOnItsOwn()
    {
        long first = Base + 5;
        long second = Base + 5 + Slots;
        long third = Base + 5 + (2 * Slots);
        ForeignWork.Add(first);
        ForeignWork.Add(second);
        ForeignWork.Add(third);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ForeignWork.Remove(second), Is.True);
            Assert.That(ForeignWork.Contains(first), Is.True);
            Assert.That(ForeignWork.Contains(second), Is.False);
            Assert.That(ForeignWork.Contains(third), Is.True);
            Assert.That(ForeignWork.Remove(first), Is.True);
            Assert.That(ForeignWork.Remove(third), Is.True);
            Assert.That(ForeignWork.Contains(third), Is.False);
        }
    }

    [Test]
    public void Clear_ForgetsEveryId()
    {
        ForeignWork.Add(Base + 9);
        ForeignWork.Add(Base + 9 + Slots);

        ForeignWork.Clear();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ForeignWork.Contains(Base + 9), Is.False);
            Assert.That(ForeignWork.Contains(Base + 9 + Slots), Is.False);
        }
    }

    [Test]
    public void IdsThatNeverComeBack_DoNotGrowTheRecordWithoutBound()
    {
        long slotHolder = Base + 11;
        ForeignWork.Add(slotHolder);
        long firstExtra = slotHolder + Slots;
        for (int i = 1; i <= 5000; i++)
        {
            ForeignWork.Add(slotHolder + (i * (long)Slots)); // all one slot: beside the table, which starts over
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ForeignWork.Contains(firstExtra), Is.False, "the first of those beside the table was forgotten");
            Assert.That(ForeignWork.Contains(slotHolder + (5000 * (long)Slots)), Is.True, "the latest is still kept");
            Assert.That(ForeignWork.Contains(slotHolder), Is.True, "the table's own slot is kept");
        }

        ForeignWork.Clear();
    }
}
