using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SimLoop;

/// <summary>A failing schedule shrunk to the fewest departures from Fifo order that still fail the same way.</summary>
public sealed class MinimizedSchedule
{
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
    /// "step 14: 'withdraw#2' ran before 'withdraw#1' (Fifo would have run 'withdraw#1')", then the failure.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        string failure = $"{Failure.GetType().Name}: {Failure.Message}";
        if (Departures.Count == 0)
        {
            return text.Append("The failure happens in Fifo order itself, with no departure: ").Append(failure).ToString();
        }

        text.Append(Departures.Count == 1 ? "1 departure from Fifo order is" : $"{Departures.Count} departures from Fifo order are")
            .Append(" enough (of ").Append(OriginalDepartures).Append(" in the failing schedule):");
        foreach (ScheduleDeparture departure in Departures)
        {
            text.Append("\n  ").Append(departure);
        }

        return text.Append(Departures.Count == 1 ? "\nIt fails the run with " : "\nThey fail the run with ").Append(failure).ToString();
    }

    /// <summary>Gets <see cref="Explain"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explain();
}
