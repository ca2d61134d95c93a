using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SimLoop;

// The text form of a Schedule and the rules every recorded choice obeys. Format version 2 ends with the line
// "end <count>", so that a file cut short anywhere (even inside its last random draw, which would otherwise parse as
// a different draw) is an error rather than a different schedule. Version 1 had no end line; it is still read, its
// seed line's "<count> choices" and its final line break standing in for the end line.
internal static class ScheduleText
{
    public const int Version = 2;
    private const string HeaderPrefix = "# SimLoop schedule ";
    private const string SeedPrefix = "# seed ";

    public static string Write(Schedule schedule)
    {
        var text = new StringBuilder(HeaderPrefix).Append(Version).Append('\n').Append(CultureInfo.InvariantCulture,
            $"{SeedPrefix}{schedule.Seed} strategy {schedule.Strategy}, {schedule.Choices.Count} choices\n");
        foreach (ScheduleChoice choice in schedule.Choices)
        {
            text.Append(Write(choice)).Append('\n');
        }

        return text.Append(CultureInfo.InvariantCulture, $"end {schedule.Choices.Count}\n").ToString();
    }

    public static string Write(in ScheduleChoice choice) => choice.Kind switch
    {
        ScheduleChoiceKind.ReadyItem => Invariant($"ready {choice.Step} {choice.Value}/{choice.Candidates}"),
        ScheduleChoiceKind.Timer => Invariant($"timer {choice.Step} {choice.Value}/{choice.Candidates}"),
        ScheduleChoiceKind.Random => Invariant($"random {choice.Step} {choice.Value}"),
        _ => Invariant($"kind {(int)choice.Kind} at step {choice.Step}: {choice.Value}/{choice.Candidates}"),
    };

    /// <summary>Says what is wrong with a choice no run could have recorded, or returns null for a good one.</summary>
    public static string? Problem(in ScheduleChoice choice, ScheduleChoice? previous) =>
        !Enum.IsDefined(choice.Kind) ? Invariant($"has kind {(int)choice.Kind}, which is not ReadyItem, Timer or Random")
        : choice.Step < 0 ? Invariant($"is at step {choice.Step}; steps are zero or positive")
        : previous is { } before && choice.Step < before.Step
            ? Invariant($"is at step {choice.Step}, before the choice ahead of it (step {before.Step}); ") +
              "choices are in step order"
        : choice.Kind == ScheduleChoiceKind.Random
            ? (choice.Candidates == 0 ? null
                : Invariant($"is a random draw, which has 0 candidates; it has {choice.Candidates}"))
        : choice.Candidates < 2
            ? Invariant($"chooses among {choice.Candidates} candidates; a choice is among 2 or more ") +
              "(one candidate is no choice, and none is recorded)"
        : choice.Value >= (ulong)choice.Candidates
            ? Invariant($"chooses index {choice.Value} of {choice.Candidates} candidates; ") +
              "the index must be less than the number of candidates"
        : null;

    public static Schedule Parse(string text)
    {
        string[] lines = text.Split('\n');
        var reader = new Reader(ParseHeader(lines[0].Trim()));
        for (int i = 1; i < lines.Length; i++)
        {
            reader.Read(lines[i].Trim(), i + 1);
        }

        reader.Finish(text.EndsWith('\n'));
        return new Schedule(reader.Choices, reader.Seed, reader.Strategy);
    }

    private static int ParseHeader(string line)
    {
        if (!line.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            throw new FormatException(
                $"line 1: expected the header '{HeaderPrefix}{Version}', got '{line}'. A schedule starts with its format " +
                "version: write it with Schedule.Save or Schedule.ToString.");
        }

        string version = line[HeaderPrefix.Length..];
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > Version)
        {
            throw new FormatException(
                $"line 1: schedule format version '{version}' is not one this SimLoop reads (1 to {Version}). Record the " +
                "schedule again with this version, or replay it with the SimLoop that wrote it.");
        }

        return number;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Reads the lines after the header, one at a time, and checks at the end that none was lost.
    private sealed class Reader(int version)
    {
        private int? _seedLine;
        private int? _seedLineCount;
        private int? _endLine;
        private int _lastLine = 1;

        public List<ScheduleChoice> Choices { get; } = new();

        public long Seed { get; private set; }

        public ScheduleStrategy Strategy { get; private set; } = ScheduleStrategy.Fifo;

        public void Read(string line, int number)
        {
            if (line.StartsWith(SeedPrefix, StringComparison.Ordinal))
            {
                ReadOrigin(line, number);
                return;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                return;
            }

            if (_endLine is { } end)
            {
                throw new FormatException($"line {number}: only comments may follow the end line (line {end}), got '{line}'.");
            }

            _lastLine = number;
            if (version >= 2 && line.StartsWith("end", StringComparison.Ordinal))
            {
                ReadEnd(line, number);
            }
            else
            {
                ReadChoice(line, number);
            }
        }

        public void Finish(bool endsWithLineBreak)
        {
            if (_seedLineCount is { } count && count != Choices.Count)
            {
                throw new FormatException(
                    $"line {_seedLine}: the seed line says {count} choices, but {Choices.Count} were read: the schedule " +
                    "is truncated or has lost lines. Record it again, or restore the file.");
            }

            if (version >= 2 && _endLine is null)
            {
                throw new FormatException(
                    $"line {_lastLine}: the schedule ends without its 'end <count>' line after {Choices.Count} choices: it " +
                    "is truncated, and its last choice may be cut short. Record it again, or restore the file.");
            }

            if (version == 1 && _seedLineCount is null)
            {
                throw new FormatException(
                    "line 2: a version 1 schedule must have its '# seed <seed> strategy <strategy>, <count> choices' line, " +
                    "by which truncation is detected. Record the schedule again (version 2 ends with an end line).");
            }

            if (version == 1 && !endsWithLineBreak)
            {
                throw new FormatException(
                    $"line {_lastLine}: the version 1 schedule does not end with a line break: its last line is cut short. " +
                    "Record it again, or restore the file.");
            }
        }

        private void ReadChoice(string line, int number)
        {
            ScheduleChoice choice = ParseChoice(line, number);
            if (Problem(choice, Choices.Count == 0 ? null : Choices[^1]) is { } problem)
            {
                throw new FormatException($"line {number}: the choice '{line}' {problem}.");
            }

            Choices.Add(choice);
        }

        private void ReadEnd(string line, int number)
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0] != "end"
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                throw new FormatException($"line {number}: expected 'end <count>', got '{line}'.");
            }

            if (count != Choices.Count)
            {
                throw new FormatException(
                    $"line {number}: the end line says {count} choices, but {Choices.Count} were read: the schedule has " +
                    "lost or gained lines. Record it again, or restore the file.");
            }

            _endLine = number;
        }

        private void ReadOrigin(string line, int number)
        {
            // "# seed <seed> strategy <strategy>, <count> choices": the count is checked in Finish.
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 5 || parts[3] != "strategy"
                || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed)
                || !Enum.TryParse(parts[4].TrimEnd(','), ignoreCase: false, out ScheduleStrategy strategy) || !Enum.IsDefined(strategy)
                || (parts.Length >= 7 && !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException(
                    $"line {number}: expected '# seed <seed> strategy <Fifo|Random|Pct>, <count> choices', got '{line}'.");
            }

            Seed = seed;
            Strategy = strategy;
            _seedLine = number;
            _seedLineCount = parts.Length >= 7 && parts[6] is "choices" or "choice"
                ? int.Parse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture) : null;
        }

        private ScheduleChoice ParseChoice(string line, int number)
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
                    && ulong.TryParse(pick[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong index)
                    && int.TryParse(pick[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                {
                    var kind = parts[0] == "ready" ? ScheduleChoiceKind.ReadyItem : ScheduleChoiceKind.Timer;
                    return new ScheduleChoice(step, kind, index, count);
                }
            }

            throw new FormatException(
                $"line {number}: expected 'ready <step> <index>/<count>', 'timer <step> <index>/<count>' or " +
                $"'random <step> <value>'{(version >= 2 ? " or 'end <count>'" : string.Empty)}, got '{line}'.");
        }
    }
}
