namespace SimLoop;

// A seeded uniform pick among everything that could run now. Finds many bugs quickly, but rarely the ones that
// need one task to run many steps in a row (Pct does better there).
internal sealed class RandomStrategy : IScheduleStrategy
{
    private readonly Prng _prng;

    public RandomStrategy(long seed)
    {
        _prng = new Prng(seed, stream: 1);
    }

    public int NextReadyItem(ReadyQueue ready, long step) => ready.Count == 1 ? 0 : _prng.NextInt32(ready.Count);

    public int NextTimer(int count, long step) => _prng.NextInt32(count);

    public void OnTaskCreated(SimTask task)
    {
    }
}
