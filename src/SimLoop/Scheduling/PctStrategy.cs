using System;

namespace SimLoop;

// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every task gets a seeded priority, the
// ready item of the highest-priority task runs (oldest first within a task), and at depth - 1 seeded change
// points the task about to run drops below every initial priority. A bug of depth d is found with probability
// at least 1 / (n * k^(d-1)) per run, for n tasks and k steps.
internal sealed class PctStrategy : IScheduleStrategy
{
    internal const int DefaultDepth = 3;
    internal const int DefaultStepEstimate = 200;

    private readonly Prng _prng;
    private readonly long[] _changePoints;

    public PctStrategy(long seed, int depth = DefaultDepth, int stepEstimate = DefaultStepEstimate)
    {
        _prng = new Prng(seed, stream: 3);
        _changePoints = new long[depth - 1];
        for (int i = 0; i < _changePoints.Length; i++)
        {
            _changePoints[i] = 1 + (long)_prng.NextBelow((ulong)stepEstimate);
        }

        Array.Sort(_changePoints);
    }

    public int NextReadyItem(ReadyQueue ready, long step)
    {
        int best = Highest(ready);
        int changePoint = Array.IndexOf(_changePoints, step);
        if (changePoint >= 0 && ready[best].Owner is { } task)
        {
            // Lower priorities for later change points, all below the initial ones (which are >= depth).
            task.Priority = _changePoints.Length - changePoint;
            best = Highest(ready);
        }

        return best;
    }

    public int NextTimer(int count, long step) => _prng.NextInt32(count);

    public void OnTaskCreated(SimTask task) =>
        task.Priority = _changePoints.Length + 1 + (long)_prng.NextBelow((ulong)(long.MaxValue - _changePoints.Length - 2));

    private static int Highest(ReadyQueue ready)
    {
        int best = 0;
        for (int i = 1; i < ready.Count; i++)
        {
            ref readonly WorkItem candidate = ref ready[i];
            ref readonly WorkItem current = ref ready[best];
            long candidatePriority = Priority(candidate);
            long currentPriority = Priority(current);
            if (candidatePriority > currentPriority
                || (candidatePriority == currentPriority && candidate.Sequence < current.Sequence))
            {
                best = i;
            }
        }

        return best;
    }

    // Work that belongs to no task (sim.At actions) is the environment acting: it runs first.
    private static long Priority(in WorkItem item) => item.Owner?.Priority ?? long.MaxValue;
}
