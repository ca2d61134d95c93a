using System;

namespace SimLoop;

// Pct's horizon for the seeds of one batch: the PCT paper draws its change points over the program's length k,
// which a batch estimates from its own runs, as the longest run so far in real choices (Simulation.Choices), the
// paper's bound on the steps a run takes. Seeds are taken in blocks of doubling size by their index in the batch
// (0; 1; 2-3; 4-7; 8-15; ...), and a seed's estimate comes only from the blocks before its own: with a barrier
// between blocks, the estimate a seed gets is a function of the batch, never of how many threads ran it or which
// finished first. The first block has nothing before it and gets 0: Pct then draws its horizon from the seed, as
// a seed run on its own does. One thread asks and records: the batch, between its blocks.
internal sealed class PctHorizon
{
    private int _block = -1;
    private long _longest;
    private bool _measured;
    private long _openLongest;
    private bool _openMeasured;

    /// <summary>The index of the first seed after the block that holds <paramref name="index"/>.</summary>
    public static long BlockEnd(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int block = Block(index);
        return block >= 63 ? long.MaxValue : 1L << block;
    }

    /// <summary>The steps the seed at <paramref name="index"/> in the batch runs Pct over: the longest run of the
    /// blocks before its own, or 0 (drawn from the seed) when there is none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="index"/> is in a block before the one already
    /// asked for: the blocks run in order.</exception>
    public int StepsFor(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int block = Block(index);
        if (block < _block)
        {
            throw new InvalidOperationException(
                $"Pct's horizon is estimated block by block, in order: seed index {index} is in block {block}, but block {_block} has begun.");
        }

        if (block > _block)
        {
            // The runs of the blocks before this one are all in: they become the estimate.
            _longest = Math.Max(_longest, _openLongest);
            _measured |= _openMeasured;
            _openLongest = 0;
            _openMeasured = false;
            _block = block;
        }

        return _measured ? (int)Math.Clamp(_longest, 1, int.MaxValue) : 0;
    }

    /// <summary>Adds a finished run of the current block, which made <paramref name="choices"/> real choices.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="choices"/> is negative.</exception>
    public void Record(long choices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(choices);
        _openLongest = Math.Max(_openLongest, choices);
        _openMeasured = true;
    }

    /// <summary>Whether a run of <paramref name="strategy"/> with <paramref name="seed"/> draws Pct's change points,
    /// so that the steps it ran over belong in its replay line.</summary>
    public static bool UsesPct(ScheduleStrategy strategy, long seed) =>
        strategy == ScheduleStrategy.Pct
        || (strategy == ScheduleStrategy.Portfolio
            && new SimulationOptions { Seed = seed, Strategy = strategy }.DescribeStrategy().StartsWith("portfolio: pct", StringComparison.Ordinal));

    private static int Block(long index) => index == 0 ? 0 : 64 - (int)ulong.LeadingZeroCount((ulong)index);
}
