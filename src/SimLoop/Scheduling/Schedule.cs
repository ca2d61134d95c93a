using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SimLoop;

/// <summary>Every choice one run made, as data: written to a small text file and replayed exactly without the seed.</summary>
/// <remarks>
/// <para>Record one with <see cref="SimulationOptions.RecordSchedule"/> and read it from <see cref="Simulation.Schedule"/>;
/// replay it with <see cref="SimulationOptions.Replay"/>. Only real choices are recorded: a step with one ready item
/// is no choice. Replay verifies as it goes and throws <see cref="ScheduleMismatchException"/> at the first step
/// where the run no longer fits the schedule.</para>
/// <para>The text form has one choice a line: <c>ready 14 2/3</c> (at step 14, the item at index 2 of 3 ready),
/// <c>timer 9 0/2</c>, <c>random 12 9223372036854775807</c>; lines starting with <c>#</c> are comments.</para>
/// </remarks>
public sealed class Schedule
{
    private const string Header = "# SimLoop schedule 1";

    /// <summary>Creates a schedule from its choices.</summary>
    /// <param name="choices">The choices, in the order the run made them.</param>
    /// <param name="seed">The seed of the run that made them (for the record; replay does not use it).</param>
    /// <param name="strategy">The strategy of the run that made them (for the record).</param>
    /// <exception cref="ArgumentNullException"><paramref name="choices"/> is <see langword="null"/>.</exception>
    public Schedule(IEnumerable<ScheduleChoice> choices, long seed, ScheduleStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Choices = choices.ToArray();
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
    /// <param name="text">The text, as <see cref="ToString"/> writes it.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A line is not a choice or a comment; the message names the line.</exception>
    public static Schedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var choices = new List<ScheduleChoice>();
        long seed = 0;
        ScheduleStrategy strategy = ScheduleStrategy.Fifo;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("# seed ", StringComparison.Ordinal))
            {
                ParseOrigin(line, i + 1, out seed, out strategy);
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                choices.Add(ParseChoice(line, i + 1));
            }
        }

        return new Schedule(choices, seed, strategy);
    }

    /// <summary>Reads a schedule from a file.</summary>
    /// <param name="path">The file, as <see cref="Save"/> writes it.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">A line is not a choice or a comment; the message names the file and line.</exception>
    public static Schedule Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes the schedule to a file in its text form.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => File.WriteAllText(path, ToString());

    /// <summary>Gets the text form: a header, the seed and strategy as comments, then one choice a line.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Header).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"# seed {Seed} strategy {Strategy}, {Choices.Count} choices\n");
        foreach (ScheduleChoice choice in Choices)
        {
            text.Append(choice.Kind switch
            {
                ScheduleChoiceKind.ReadyItem => "ready",
                ScheduleChoiceKind.Timer => "timer",
                _ => "random",
            }).Append(' ').Append(choice.Step.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(choice.Kind == ScheduleChoiceKind.Random
                ? choice.Value.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{choice.Value}/{choice.Candidates}"))
            .Append('\n');
        }

        return text.ToString();
    }

    private static ScheduleChoice ParseChoice(string line, int number)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long step))
        {
            if (parts[0] == "random" && ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong draw))
            {
                return new ScheduleChoice(step, ScheduleChoiceKind.Random, draw, 0);
            }

            string[] pick = parts[2].Split('/');
            if (parts[0] is "ready" or "timer" && pick.Length == 2
                && uint.TryParse(pick[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint index)
                && int.TryParse(pick[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                && count > 1 && index < count)
            {
                var kind = parts[0] == "ready" ? ScheduleChoiceKind.ReadyItem : ScheduleChoiceKind.Timer;
                return new ScheduleChoice(step, kind, index, count);
            }
        }

        throw new FormatException(
            $"line {number}: expected 'ready <step> <index>/<count>', 'timer <step> <index>/<count>' or 'random <step> <value>', got '{line}'.");
    }

    private static void ParseOrigin(string line, int number, out long seed, out ScheduleStrategy strategy)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 5 || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)
            || !Enum.TryParse(parts[4].TrimEnd(','), ignoreCase: false, out strategy))
        {
            throw new FormatException($"line {number}: expected '# seed <seed> strategy <Fifo|Random|Pct>, ...', got '{line}'.");
        }
    }
}
