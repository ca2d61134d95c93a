namespace DocSamples.Contexts;

/// <summary>A fragment that uses <c>sim</c>: a simulation made as a test would make it.</summary>
public abstract class OneSimulation
{
    protected Simulation sim { get; } = new();
}
