namespace SimLoop.Benchmarks.VsPrevious.Cores;

/// <summary>One SimLoop core as the workloads see it, so the same workload code runs on the current and the previous
/// core. Only <see cref="Run"/>, <see cref="Spawn"/> and <see cref="Clock"/> go through a virtual call, once per run,
/// task or timer loop; the per-step code is the core's own.</summary>
public abstract class Core
{
    /// <summary>Gets the core's name in reports.</summary>
    public abstract string Name { get; }

    /// <summary>Runs <paramref name="main"/> in a new simulation, seed 1 and default options otherwise.</summary>
    /// <returns>The steps the simulation took.</returns>
    public abstract long Run(Order order, Func<Task> main);

    /// <summary>Starts <paramref name="body"/> as a new simulated task (Sim.Spawn); returns its completion.</summary>
    public abstract Task Spawn(Func<Task> body);

    /// <summary>Gets the running simulation's clock (Sim.Clock).</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>Awaits <c>Sim.Yield()</c> <paramref name="count"/> times.</summary>
    public abstract Task SimYields(int count);
}
