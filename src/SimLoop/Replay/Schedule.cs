using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SimLoop;

/// <summary>Every choice one run made, as data: written to a small text file and replayed exactly without the seed.</summary>
/// <remarks>
/// <para>Record one with <see cref="SimulationOptions.RecordSchedule"/> and read it from <see cref="Simulation.Schedule"/>;
/// replay it with <see cref="SimulationOptions.Replay"/>. Only real choices are recorded: a step with one ready item
/// is no choice. Replay verifies as it goes and throws <see cref="ScheduleMismatchException"/> at the first step
/// where the run no longer fits the schedule.</para>
/// <para>The text form (format version 2) is a header line <c># SimLoop schedule 2</c>, a comment line
/// <c># seed 9 strategy Pct, 3 choices</c>, one choice a line (<c>ready 14 2/3</c>: at step 14, the item at index 2
/// of 3 ready; <c>timer 9 0/2</c>; <c>random 12 9223372036854775807</c>: a 64-bit draw during step 12), and a last
/// line <c>end 3</c> giving the number of choices. Other lines starting with <c>#</c> are comments; blank lines are
/// ignored. The end line is what makes a truncated file an error rather than a different schedule: a file cut
/// anywhere, even inside its last number, has no end line or one whose count does not match.</para>
/// <para>Files of format version 1 (no end line) are still read: their seed line's choice count and their final
/// line break stand in for the end line.</para>
/// </remarks>
public sealed class Schedule
{
    /// <summary>Creates a schedule from its choices.</summary>
    /// <param name="choices">The choices, in the order the run made them.</param>
    /// <param name="seed">The seed of the run that made them (for the record; replay does not use it).</param>
    /// <param name="strategy">The strategy of the run that made them (for the record).</param>
    /// <exception cref="ArgumentNullException"><paramref name="choices"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A choice of <paramref name="choices"/> is one no run makes: a kind that is
    /// not defined; a negative step, or a step before the previous choice's; a ready item or timer chosen among fewer
    /// than 2 candidates, or at an index not below the number of candidates; a random draw with candidates other
    /// than 0. The message names the choice by its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is not Fifo, Random or Pct.</exception>
    public Schedule(IEnumerable<ScheduleChoice> choices, long seed, ScheduleStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy,
                $"{nameof(strategy)} must be Fifo, Random or Pct; it was {(int)strategy}.");
        }

        ScheduleChoice[] all = choices.ToArray();
        for (int i = 0; i < all.Length; i++)
        {
            if (ScheduleText.Problem(all[i], i == 0 ? null : all[i - 1]) is { } problem)
            {
                throw new ArgumentException(
                    $"choices[{i}] ({ScheduleText.Write(all[i])}) {problem}. A schedule holds the choices a run recorded.",
                    nameof(choices));
            }
        }

        Choices = all;
        Seed = seed;
        Strategy = strategy;
    }

    /// <summary>Gets the choices, in the order the run made them.</summary>
    public IReadOnlyList<ScheduleChoice> Choices { get; }

    /// <summary>Gets the seed of the run that made the choices.</summary>
    public long Seed { get; }

    /// <summary>Gets the strategy of the run that made the choices.</summary>
    public ScheduleStrategy Strategy { get; }

    /// <summary>Reads a schedule from its text form.</summary>
    /// <param name="text">The text, as <see cref="ToString"/> writes it (format version 2), or as version 1 wrote it.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text does not start with the header <c># SimLoop schedule 2</c> (or 1);
    /// its version is not 1 or 2; a line is not a choice, a comment or the end line; a choice is one no run makes (see
    /// <see cref="Schedule(IEnumerable{ScheduleChoice}, long, ScheduleStrategy)"/>); or the text is truncated (no end
    /// line, or a count that does not match the choices read). The message starts with the line's number.</exception>
    public static Schedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScheduleText.Parse(text);
    }

    /// <summary>Reads a schedule from a file written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FormatException">The file is not a schedule of format version 1 or 2, has a line that is not a
    /// choice, a comment or the end line, or is truncated; the message names the file and the line (see
    /// <see cref="Parse"/>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <remarks>The format is described on <see cref="Schedule"/>. A file written by format version 1 is read too:
    /// its seed line's choice count and final line break detect truncation there.</remarks>
    public static Schedule Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes the schedule to a file in its text form, format version 2.</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <remarks>The file is the header <c># SimLoop schedule 2</c>, the seed and strategy as a comment, one choice a
    /// line and the line <c>end N</c> with the number of choices, each line ending in <c>\n</c>; see
    /// <see cref="Schedule"/>. <see cref="Load"/> rejects a copy that lost any part of it.</remarks>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, ToString());
    }

    /// <summary>Gets the text form: the header, the seed and strategy as a comment, one choice a line, and the end line.</summary>
    /// <returns>The text, format version 2.</returns>
    public override string ToString() => ScheduleText.Write(this);
}
