namespace SimLoop;

// Partial order sampling (Yuan, Yang and Gu, CAV 2018), in its basic form: every ready item gets a seeded random
// priority when it becomes ready and keeps it until it runs; the highest runs. The item a step posts draws afresh,
// but an item that has waited keeps the priority it lost with, so a task that keeps winning tends to go on winning:
// a window of L steps in a row, which a uniform pick opens with probability 2^-L, opens here with about 1 / (L + 1),
// while two items ready together still go either way with probability 1/2, as under Random.
// A choice costs O(log n) in the ready items (ReadyPriorities); due timers are picked uniformly.
internal sealed class PosStrategy : IScheduleStrategy
{
    private readonly Prng _prng;
    private readonly ReadyPriorities _priorities;
    private ReadyQueue? _ready;

    public PosStrategy(long seed)
    {
        _prng = new Prng(seed, stream: 4);
        _priorities = new ReadyPriorities(_prng);
    }

    public int NextReadyItem(ReadyQueue ready, long step)
    {
        if (_ready is null)
        {
            // The items ready at the first real choice draw their priorities now, in posting order.
            _ready = ready;
            ready.Attach(_priorities);
        }

        Invariant.Assert(ready == _ready && _priorities.Count == ready.Count, "Pos's heap holds exactly the ready items");
        return ready.IndexOfSlot(_priorities.Highest().Slot);
    }

    public int NextTimer(int count, long step) => _prng.NextInt32(count);

    public void OnTaskCreated(SimTask task)
    {
    }
}
