using System;
using System.Collections.Generic;

namespace SimLoop;

// The timeline's x axis, piecewise by step: every step (and every step number an event or log line belongs to) gets a
// column of its own, in step order, so a hundred steps at one instant stay a hundred readable marks; where virtual
// time moves between two columns, a gap whose width grows with the logarithm of the time that passed, labelled with
// it. Distances therefore say "what ran in which order", and the labels say "when".
internal sealed class TimelineAxis
{
    public const double ColumnWidth = 34;
    private const double MinGapWidth = 30;
    private const double GapWidthPerDecade = 16;

    private readonly Dictionary<long, int> _columnOfStep = new();
    private readonly List<double> _x = new();

    public TimelineAxis(IEnumerable<KeyValuePair<long, TimeSpan>> instants, double left)
    {
        double x = left + ColumnWidth / 2;
        TimeSpan? previous = null;
        foreach ((long step, TimeSpan elapsed) in instants)
        {
            if (previous is { } before && elapsed > before)
            {
                double gap = Gap(elapsed - before);
                Gaps.Add((x - ColumnWidth / 2, gap, elapsed - before));
                x += gap;
            }

            Invariant.Assert(previous is null || elapsed >= previous, "virtual time never moves backwards along the axis");
            if (previous != elapsed)
            {
                Times.Add((x, elapsed));
            }

            _columnOfStep.Add(step, _x.Count);
            _x.Add(x);
            Columns.Add((x, step));
            previous = elapsed;
            x += ColumnWidth;
        }

        Width = x - ColumnWidth / 2 - left;
    }

    /// <summary>Gets the columns' centres and step numbers, left to right.</summary>
    public List<(double X, long Step)> Columns { get; } = new();

    /// <summary>Gets where each instant starts: the x of its first column and its virtual time.</summary>
    public List<(double X, TimeSpan Elapsed)> Times { get; } = new();

    /// <summary>Gets the gaps where virtual time moves: their left edge, width and the time that passed.</summary>
    public List<(double Left, double Width, TimeSpan Passed)> Gaps { get; } = new();

    public double Width { get; }

    /// <summary>Gets the centre of a step's column; a step before the first column maps to the first.</summary>
    public double X(long step)
    {
        if (_columnOfStep.TryGetValue(step, out int column))
        {
            return _x[column];
        }

        Invariant.Assert(_x.Count > 0, "a step is placed only on an axis that has columns");
        return Columns.FindLastIndex(c => c.Step <= step) is var index and >= 0 ? _x[index] : _x[0];
    }

    private static double Gap(TimeSpan passed)
    {
        double milliseconds = Math.Max(passed.TotalMilliseconds, 0.001);
        double decades = Math.Clamp(Math.Log10(milliseconds) + 3, 0, 12); // from 1 µs (0) to about 11 days (12)
        return MinGapWidth + GapWidthPerDecade * decades;
    }
}
