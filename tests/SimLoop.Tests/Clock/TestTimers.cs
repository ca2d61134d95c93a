namespace SimLoop.Tests.Clock;

// Timer entries for the timer-queue tests, built in one place so that a change to how a timer is made is fixed
// here once.
internal static class TestTimers
{
    public static TimerEntry Entry(long sequence, long dueTicks) => new NamedTimer(sequence) { DueTicks = dueTicks };

    private sealed class NamedTimer(long sequence) : TimerEntry(sequence, owner: null)
    {
        public override void Fire()
        {
        }
    }
}
