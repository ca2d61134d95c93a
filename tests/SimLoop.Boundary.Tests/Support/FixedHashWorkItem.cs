namespace SimLoop.Boundary.Tests.Support;

/// <summary>A pool work item whose hash code, the id the runtime's pool events give it, is chosen by the test; it
/// records whether it ran and in which simulation's step.</summary>
internal sealed class FixedHashWorkItem(int hash) : IThreadPoolWorkItem
{
    public ManualResetEventSlim Ran { get; } = new();

    /// <summary>Gets the simulation whose step ran the item, or null when it ran outside any step.</summary>
    public Simulation? RanInStepOf { get; private set; }

    public void Execute()
    {
        try
        {
            RanInStepOf = Sim.Current;
        }
        catch (InvalidOperationException)
        {
            RanInStepOf = null; // outside any step
        }

        Ran.Set();
    }

    public override int GetHashCode() => hash;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
