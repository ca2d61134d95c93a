using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace SimLoop;

public sealed partial class Simulation
{
    private const int DeterminismTraceCapacity = 1_000_000;

    // A chance collision of the pool's work ids twice in a row is about as likely as a second one in a million runs;
    // a third means the ids collide every time (a work item type with value equality), and is reported.
    private const int TransientAttempts = 3;

    /// <summary>Runs <paramref name="main"/> twice with the same options and fails at the first step where the two
    /// runs differ.</summary>
    /// <param name="main">The program; it must create all its state inside, as each run starts from nothing.</param>
    /// <param name="options">The options of both runs; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is <see langword="null"/>.</exception>
    /// <exception cref="SimulationNondeterminismException">The runs differ; the message names the step and both sides.</exception>
    /// <remarks>When both runs are the same, the outcome of the first is the outcome of the check: it returns, or
    /// rethrows what the program threw. Code that reads the wall clock, uses <c>Random.Shared</c>, iterates a set whose
    /// order changes between runs, or lets work escape the loop is what this finds.</remarks>
    public static void CheckDeterminism(Func<Task> main, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        options ??= new SimulationOptions();
        options = options with { TraceCapacity = Math.Max(options.TraceCapacity, DeterminismTraceCapacity) };
        var (first, firstError) = RunForOutcome(main, options);
        var (second, secondError) = RunForOutcome(main, options);
        string where = $"seed {options.Seed}, strategy {options.Strategy}";
        if (first.Trace.Fingerprint != second.Trace.Fingerprint)
        {
            throw new SimulationNondeterminismException(
                $"The program is not deterministic: two runs of {where} differ {FirstDifference(first.Trace, second.Trace)}. " +
                "Look for the wall clock (DateTime.Now, Stopwatch), Random.Shared, iteration over a HashSet or Dictionary, " +
                "or work that left the simulation's thread.");
        }

        string firstOutcome = Describe(firstError);
        string secondOutcome = Describe(secondError);
        if (firstOutcome != secondOutcome)
        {
            throw new SimulationNondeterminismException(
                $"The program is not deterministic: two runs of {where} took the same steps but ended differently:\n" +
                $"  run 1: {firstOutcome}\n  run 2: {secondOutcome}", secondError ?? firstError);
        }

        if (firstError is not null)
        {
            ExceptionDispatchInfo.Throw(firstError);
        }
    }

    /// <summary>Runs <paramref name="main"/> in a new simulation and returns it with what the program threw, if anything.</summary>
    /// <remarks>A run stopped by a chance collision of the pool's work ids is run again: compared as it is, it would be
    /// taken for the program's own outcome (a nondeterminism, a different failure).</remarks>
    internal static (Simulation Sim, Exception? Error) RunForOutcome(Func<Task> main, SimulationOptions options)
    {
        for (int attempt = 1; ; attempt++)
        {
            var sim = new Simulation(options);
            try
            {
                sim.Run(main);
                return (sim, null);
            }
            catch (SimulationEscapeException escape) when (escape.IsTransient && attempt < TransientAttempts)
            {
            }
#pragma warning disable CA1031 // Whatever the program throws is its outcome, compared by the caller.
            catch (Exception error)
#pragma warning restore CA1031
            {
                return (sim, error);
            }
        }
    }

    private static string FirstDifference(SimulationTrace first, SimulationTrace second)
    {
        int count = Math.Min(first.Count, second.Count);
        for (int i = 0; i < count; i++)
        {
            if (first[i] != second[i])
            {
                return $"at step {Math.Min(first[i].Step, second[i].Step)}:\n" +
                    $"  run 1: {TraceWords.Describe(first[i])}   [{first[i]}]\n" +
                    $"  run 2: {TraceWords.Describe(second[i])}   [{second[i]}]";
            }
        }

        if (first.Count != second.Count)
        {
            TraceEntry longer = first.Count > count ? first[count] : second[count];
            return $"in length: one run ended after {count} entries, the other went on with {longer}";
        }

        return $"before step {first[0].Step}, the first of the {count} entries kept (raise SimulationOptions.TraceCapacity to see it)";
    }

    private static string Describe(Exception? error) =>
        error is null ? "main finished" : $"{error.GetType().Name}: {error.Message}";
}
