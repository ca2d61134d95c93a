using System;

namespace SimLoop;

// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every task gets a seeded priority, the
// ready item of the highest-priority task runs (oldest first within a task), and at seeded change points the task
// about to run drops below every initial priority. A bug of depth d is found with probability at least
// 1 / (n * k^(d-1)) per run with d - 1 change points, for n tasks and k steps. As Coyote's prioritization strategy
// does, each run draws how many change points it makes, uniformly in 1..depth - 1: the depth of a bug is unknown,
// and a run with one point too many for it still finds it when the extra point falls where it does no harm.
//
// Steps here are the run's real choices (steps where more than one ready item could run): a change point placed
// at a step with one candidate would change nothing, so k counts only the steps where the order is open. The
// change points are drawn uniformly over 1..k when k is given (SimulationOptions.PctSteps, which the seed runners
// set to the longest run of the seeds before, as the paper's k); otherwise k itself is drawn from the seed, small
// more often than large (a horizon of 4, 8, 16, ... choices, each half as likely as the one before), so a run with
// nothing before it gets close to the paper's 1 / k per change point on a short program and still reaches a long
// one on some seeds. Either way the seed and k fix the run. Every task, including those spawned after the first
// choice, gets its priority when created (OnTaskCreated), above every change point's.
//
// The ready items are kept in a heap ordered by priority (ReadyPriorities), so a choice costs O(log n) in the
// number of ready items; it is the item a scan of the whole queue would pick, and so the same run for a seed.
internal sealed class PctStrategy : IScheduleStrategy
{
    internal const int DefaultDepth = 5;

    // The smallest drawn horizon, and the most doublings above it (a horizon of at most 4 << 20 choices).
    private const int MinHorizon = 4;
    private const double LevelRatio = 0.5;
    private const int MaxDoublings = 20;

    private readonly Prng _prng;
    private readonly long[] _changePoints;
    private readonly ReadyPriorities _priorities = new();
    private ReadyQueue? _ready;
    private long _choices;
    private int _nextChangePoint;

    /// <param name="seed">The run's seed.</param>
    /// <param name="depth">The deepest bug aimed at: 1 to depth - 1 change points, drawn from the seed; at least 1.</param>
    /// <param name="steps">The choices a run is expected to make; 0 draws the horizon from the seed.</param>
    public PctStrategy(long seed, int depth = DefaultDepth, int steps = 0)
    {
        Invariant.Assert(depth >= 1, "Pct's depth is at least 1");
        Invariant.Assert(steps >= 0, "Pct's step estimate is not negative");
        _prng = new Prng(seed, stream: 3);
        Depth = depth;
        Horizon = steps > 0 ? steps : DrawHorizon(_prng);
        // Coyote's rule: the seed draws how many change points this run makes, uniformly in 1..depth - 1.
        int changes = depth <= 2 ? depth - 1 : 1 + _prng.NextInt32(depth - 1);
        _changePoints = new long[Math.Min(changes, Horizon)];
        for (int i = 0; i < _changePoints.Length; i++)
        {
            long point;
            do
            {
                point = 1 + (long)_prng.NextBelow((ulong)Horizon);
            }
            while (Array.IndexOf(_changePoints, point, 0, i) >= 0);
            _changePoints[i] = point;
        }

        Array.Sort(_changePoints);
    }

    /// <summary>Gets the bug depth this run aims at.</summary>
    public int Depth { get; }

    /// <summary>Gets the number of choices the change points were drawn over.</summary>
    public long Horizon { get; }

    /// <summary>Gets the number of change points this run makes: drawn from the seed, at most depth - 1 and at most
    /// the horizon.</summary>
    public int ChangePoints => _changePoints.Length;

    public int NextReadyItem(ReadyQueue ready, long step)
    {
        _choices++;
        if (_ready is null)
        {
            // The heap follows the queue from the first real choice on; until then no choice needed it.
            _ready = ready;
            ready.Attach(_priorities);
        }

        Invariant.Assert(ready == _ready && _priorities.Count == ready.Count, "Pct's heap holds exactly the ready items");
        int best = Highest(ready);
        if (_nextChangePoint < _changePoints.Length && _changePoints[_nextChangePoint] == _choices)
        {
            Invariant.Assert(_nextChangePoint == 0 || _changePoints[_nextChangePoint - 1] < _choices,
                "change points are met in increasing order, each once");
            _nextChangePoint++;
            if (ready[best].Owner is { } task)
            {
                // Lower priorities for later change points, all below the initial ones (which are >= depth).
                task.Priority = _changePoints.Length + 1 - _nextChangePoint;
                ready.Attach(_priorities);
                best = Highest(ready);
            }
        }

        return best;
    }

    public int NextTimer(int count, long step) => _prng.NextInt32(count);

    public void OnTaskCreated(SimTask task) =>
        task.Priority = _changePoints.Length + 1 + (long)_prng.NextBelow((ulong)(long.MaxValue - _changePoints.Length - 2));

    // MinHorizon << i with probability LevelRatio^i (1 - LevelRatio), the last level taking what is left.
    private static long DrawHorizon(Prng prng)
    {
        int doublings = 0;
        while (doublings < MaxDoublings && prng.NextDouble() < LevelRatio)
        {
            doublings++;
        }

        return (long)MinHorizon << doublings;
    }

    private int Highest(ReadyQueue ready)
    {
        (int slot, long priority) = _priorities.Highest();
        int best = ready.IndexOfSlot(slot);
        Invariant.Assert(ReadyPriorities.Priority(ready[best]) == priority, "a task's priority changes only where Pct reloads its heap");
        return best;
    }
}
