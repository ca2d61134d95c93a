using System;
using System.Threading.Tasks;

namespace SimLoop;

// How a seed run re-runs one seed alone, as its replay line would run it, and how the report describes that: the
// body once more on the calling thread, or (for [SimulationTest]) the method on a fresh fixture after its [SetUp].
// The options are the re-run's own (they log into a capture); onFailure sees its simulation when it fails.
internal sealed record SeedRerun(Func<SeedCase, SimulationOptions, Action<Simulation, Exception>?, SeedOutcome> Run, string How)
{
    public static SeedRerun Body(Func<Simulation, Task> body) =>
        new((seedCase, template, onFailure) => SeedExecution.Run(seedCase, body, template, onFailure), "one seed, on one thread");
}
