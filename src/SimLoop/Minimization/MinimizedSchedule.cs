using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SimLoop;

/// <summary>A failing schedule shrunk to the fewest departures from Fifo order that still fail the same way.</summary>
public sealed class MinimizedSchedule
{
    private const int DrawsListed = 10;

    internal MinimizedSchedule(Schedule schedule, IReadOnlyList<ScheduleDeparture> departures, int originalDepartures,
        Exception failure, int runs)
    {
        Schedule = schedule;
        Departures = departures.ToArray();
        OriginalDepartures = originalDepartures;
        Failure = failure;
        Runs = runs;
    }

    /// <summary>Gets the minimized schedule: replay it exactly with <see cref="SimulationOptions.Replay"/>.</summary>
    public Schedule Schedule { get; }

    /// <summary>Gets the departures from Fifo order that are left, in step order.</summary>
    public IReadOnlyList<ScheduleDeparture> Departures { get; }

    /// <summary>Gets how many departures from Fifo order the failing schedule had before minimization.</summary>
    public int OriginalDepartures { get; }

    /// <summary>Gets the failure the minimized schedule reproduces.</summary>
    public Exception Failure { get; }

    /// <summary>Gets how many simulations minimization ran.</summary>
    public int Runs { get; }

    /// <summary>Says in plain words what the minimized schedule does differently from Fifo order.</summary>
    /// <returns>A headline, one line per departure, such as
    /// "step 14: 'withdraw#2' ran before 'withdraw#1' (Fifo would have run 'withdraw#1')", the draws from
    /// <see cref="Sim.Random"/> the schedule keeps (if any), then the failure.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        string failure = $"{Failure.GetType().Name}: {Failure.Message}";
        string draws = DescribeDraws();
        if (Departures.Count == 0)
        {
            return text.Append("The failure happens in Fifo order itself, with no departure from it")
                .Append(draws.Length == 0 ? ": " : ", given " + draws + ":\n").Append(failure).ToString();
        }

        text.Append(Departures.Count == 1 ? "1 departure from Fifo order is" : $"{Departures.Count} departures from Fifo order are")
            .Append(" enough (of ").Append(OriginalDepartures).Append(" in the failing schedule):");
        foreach (ScheduleDeparture departure in Departures)
        {
            text.Append("\n  ").Append(departure);
        }

        if (draws.Length > 0)
        {
            text.Append("\n  and ").Append(draws);
        }

        return text.Append(Departures.Count == 1 ? "\nIt fails the run with " : "\nThey fail the run with ").Append(failure).ToString();
    }

    // The draws from Sim.Random are part of the schedule and replay as recorded: a failure may hang on them.
    private string DescribeDraws()
    {
        long[] steps = Schedule.Choices.Where(c => c.Kind == ScheduleChoiceKind.Random).Select(c => c.Step).ToArray();
        if (steps.Length == 0)
        {
            return string.Empty;
        }

        string at = string.Join(", ", steps.Take(DrawsListed));
        string more = steps.Length > DrawsListed ? $" and {steps.Length - DrawsListed} more" : string.Empty;
        return steps.Length == 1
            ? $"the draw from Sim.Random at step {at}, kept as recorded"
            : $"the {steps.Length} draws from Sim.Random at steps {at}{more}, kept as recorded";
    }

    /// <summary>Gets <see cref="Explain"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explain();
}
