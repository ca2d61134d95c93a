using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace SimLoop;

/// <summary>Shrinks a failing schedule to the fewest departures from Fifo order that still fail the same way.</summary>
/// <remarks>
/// Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", TSE 2002) over the
/// steps where the failing run departed from Fifo order: subsets of departures are tried as guides (Fifo order
/// except at the kept steps), and a subset is kept when its run fails the same way: the same exception type and a
/// message of the same shape (the same text once numbers are ignored). Every run is a simulation of microseconds;
/// the number of runs is bounded, not the wall time.
/// </remarks>
public static partial class ScheduleMinimizer
{
    /// <summary>Shrinks <paramref name="failing"/> to the fewest departures from Fifo order that still fail the same way.</summary>
    /// <param name="main">The program that fails under <paramref name="failing"/>.</param>
    /// <param name="failing">A schedule recorded with <see cref="SimulationOptions.RecordSchedule"/> from a failing run.</param>
    /// <param name="options">The other options of the failing run (limits, logging); its seed and strategy do not matter.</param>
    /// <param name="maxRuns">The most simulations to run; 2,000 by default.</param>
    /// <returns>The minimized schedule, its departures and their explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> or <paramref name="failing"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRuns"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="failing"/> does not make <paramref name="main"/> fail.</exception>
    public static MinimizedSchedule Minimize(Func<Task> main, Schedule failing, SimulationOptions? options = null, int maxRuns = 2000)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRuns, 2);
        SimulationOptions plain = (options ?? new SimulationOptions()) with
        {
            Replay = null, RecordSchedule = false, Guide = null, ObserveDepartures = false, TraceCapacity = 0,
        };
        var (original, departures) = Observe(main, plain with { Replay = failing, ObserveDepartures = true });
        if (original is null || original is ScheduleMismatchException)
        {
            throw new ArgumentException(
                original is null ? "The schedule does not make the program fail: there is nothing to minimize."
                    : "The schedule does not fit the program: " + original.Message, nameof(failing));
        }

        int runs = 1;
        bool Fails(IReadOnlyList<ScheduleDeparture> keep, bool eager)
        {
            runs++;
            return SameFailure(Observe(main, plain with { Guide = new ScheduleGuide(failing, keep, eager) }).Error, original);
        }

        // Anchored guides replay the full set exactly; eager ones shrink further when the essence of the failure
        // happened late in a run that dropped departures would shorten. Keep whichever leaves fewer.
        ScheduleGuide best = new(failing, departures);
        foreach (bool eager in new[] { false, true })
        {
            if (runs < maxRuns && Fails(departures, eager))
            {
                List<ScheduleDeparture> kept = Shrink(departures, keep => Fails(keep, eager), () => runs < maxRuns);
                if (kept.Count < best.Departures.Count || (kept.Count == best.Departures.Count && !eager))
                {
                    best = new ScheduleGuide(failing, kept, eager);
                }
            }
        }

        var (final, error) = Simulation.RunForOutcome(main, plain with
        {
            Guide = best, RecordSchedule = true, ObserveDepartures = true,
            TraceCapacity = options?.TraceCapacity ?? new SimulationOptions().TraceCapacity,
        });
        Exception failure = error ?? original;
        return new MinimizedSchedule(final.Schedule!, final.Departures!, departures.Count, failure, runs + 1);
    }

    // ddmin: try each chunk alone, then each complement; refine the granularity when neither fails.
    private static List<ScheduleDeparture> Shrink(List<ScheduleDeparture> current, Func<IReadOnlyList<ScheduleDeparture>, bool> fails, Func<bool> budgetLeft)
    {
        int chunks = 2;
        while (current.Count >= 2 && budgetLeft())
        {
            List<List<ScheduleDeparture>> parts = Split(current, chunks);
            List<ScheduleDeparture>? smaller = parts.FirstOrDefault(part => budgetLeft() && fails(part));
            if (smaller is null && chunks > 2)
            {
                smaller = parts.Select(part => current.Except(part).ToList()).FirstOrDefault(rest => budgetLeft() && fails(rest));
                chunks = smaller is null ? chunks : Math.Max(chunks - 1, 2);
            }
            else if (smaller is not null)
            {
                chunks = 2;
            }

            if (smaller is not null)
            {
                current = smaller;
            }
            else if (chunks >= current.Count)
            {
                break;
            }
            else
            {
                chunks = Math.Min(chunks * 2, current.Count);
            }
        }

        return current.Count == 1 && budgetLeft() && fails([]) ? [] : current;
    }

    private static List<List<ScheduleDeparture>> Split(List<ScheduleDeparture> items, int chunks)
    {
        var parts = new List<List<ScheduleDeparture>>(chunks);
        int start = 0;
        for (int i = 0; i < chunks; i++)
        {
            int end = (int)((long)items.Count * (i + 1) / chunks);
            parts.Add(items.GetRange(start, end - start));
            start = end;
        }

        return parts;
    }

    private static (Exception? Error, List<ScheduleDeparture> Departures) Observe(Func<Task> main, SimulationOptions options)
    {
        var (sim, error) = Simulation.RunForOutcome(main, options);
        return (error, sim.Departures ?? []);
    }

    private static bool SameFailure(Exception? candidate, Exception original) =>
        candidate is not null && candidate.GetType() == original.GetType()
        && Numbers().Replace(candidate.Message, "#") == Numbers().Replace(original.Message, "#");

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();
}
