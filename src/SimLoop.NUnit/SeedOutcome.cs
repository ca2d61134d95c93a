using System;
using System.Collections.Generic;

namespace SimLoop;

// How one seed's run ended. Step and VirtualTime say where it failed: the step at which main finished with the
// exception, or, for SimLoop's own failures (deadlock, limit, escape), where the run stopped. A failed run keeps the
// last entries of its trace (LastSteps, of TraceTotal recorded), read when it failed; a passing run keeps none.
internal sealed record SeedOutcome(SeedCase Case, Exception? Exception, long Step, TimeSpan VirtualTime)
{
    public bool Failed => Exception is not null;

    public IReadOnlyList<TraceEntry> LastSteps { get; init; } = [];

    public long TraceTotal { get; init; }

    /// <summary>The scheduling choices the run made (<see cref="Simulation.Choices"/>): its length as Pct counts it.</summary>
    public long Choices { get; init; }
}
