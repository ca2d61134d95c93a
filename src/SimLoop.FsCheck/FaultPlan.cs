using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace SimLoop;

/// <summary>The faults to inject into one run: when to cancel, and which task.</summary>
/// <remarks>A plan is data, so FsCheck can generate and shrink it (fewer faults, earlier times, lower task
/// indexes), print it, and read it back from <c>SIMLOOP_FAULTS</c> to replay a failure. Its text is
/// <c>none</c> or faults joined by commas, such as <c>cancel[1]@1.5s,cancel[0]@3s</c>.</remarks>
public sealed class FaultPlan : IEquatable<FaultPlan>
{
    /// <summary>Creates a plan of <paramref name="faults"/>, applied in order.</summary>
    /// <param name="faults">The faults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="faults"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A fault is <see langword="null"/> (the message gives its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fault has a negative time or task index.</exception>
    public FaultPlan(IEnumerable<Fault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Faults = [.. faults];
        for (int i = 0; i < Faults.Length; i++)
        {
            Fault fault = Faults[i] ?? throw new ArgumentException($"faults[{i}] is null: a fault plan holds faults, not nulls.", nameof(faults));
            if (fault.At < TimeSpan.Zero || fault.Task < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(faults), fault,
                    $"faults[{i}] ({fault.At}, task {fault.Task}) is out of range: its time and task index must not be negative.");
            }
        }
    }

    /// <summary>Gets the plan with no faults.</summary>
    public static FaultPlan None { get; } = new([]);

    /// <summary>Gets the faults, in the order they are applied.</summary>
    public ImmutableArray<Fault> Faults { get; }

    /// <summary>Reads a plan from its text, as printed by <see cref="ToString"/>.</summary>
    /// <param name="text"><c>none</c>, or faults such as <c>cancel[1]@1.5s</c> joined by commas.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a plan (the message shows the part that is not).</exception>
    public static FaultPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == "none")
        {
            return None;
        }

        return new FaultPlan(text.Split(',').Select(part => ParseFault(part.Trim(), text)));
    }

    /// <summary>Schedules every fault of the plan on <paramref name="sim"/>, before it runs.</summary>
    /// <param name="sim">The simulation about to run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sim"/> is <see langword="null"/>.</exception>
    public void Apply(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        foreach (Fault fault in Faults)
        {
            sim.At(fault.At, () =>
            {
                List<SimTask> candidates = [.. sim.Tasks.Where(static t => t.Id != 1)];
                if (candidates.Count > 0)
                {
                    candidates[fault.Task % candidates.Count].Cancel("fault plan: " + fault);
                }
            });
        }
    }

    /// <summary>Formats the plan as <c>none</c> or its faults joined by commas.</summary>
    /// <returns>The text that <see cref="Parse(string)"/> reads back.</returns>
    public override string ToString() => Faults.IsEmpty ? "none" : string.Join(",", Faults);

    /// <inheritdoc/>
    public bool Equals(FaultPlan? other) => other is not null && Faults.SequenceEqual(other.Faults);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FaultPlan);

    /// <inheritdoc/>
    public override int GetHashCode() => Faults.Aggregate(Faults.Length, static (hash, f) => HashCode.Combine(hash, f));

    private static Fault ParseFault(string part, string text)
    {
        // cancel[<task>]@<seconds>s
        int close = part.IndexOf(']', StringComparison.Ordinal);
        if (part.StartsWith("cancel[", StringComparison.Ordinal) && close > 7
            && part.Length > close + 3 && part[close + 1] == '@' && part[^1] == 's'
            && int.TryParse(part.AsSpan(7, close - 7), NumberStyles.None, CultureInfo.InvariantCulture, out int task)
            && decimal.TryParse(part.AsSpan(close + 2, part.Length - close - 3), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out decimal seconds)
            && seconds <= (decimal)TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return new Fault(new TimeSpan((long)(seconds * TimeSpan.TicksPerSecond)), task);
        }

        throw new FormatException(
            $"'{part}' in the fault plan '{text}' is not a fault: expected cancel[<task>]@<seconds>s, such as cancel[1]@1.5s, or 'none'.");
    }
}
