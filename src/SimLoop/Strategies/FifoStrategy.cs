namespace SimLoop;

// asyncio's order: the oldest ready item first, timers due together in creation order. Makes no draws.
internal sealed class FifoStrategy : IScheduleStrategy
{
    public int NextReadyItem(ReadyQueue ready, long step) => 0;

    public int NextTimer(int count, long step) => 0;

    public void OnTaskCreated(SimTask task)
    {
    }
}
