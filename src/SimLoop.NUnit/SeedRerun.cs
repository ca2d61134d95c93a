using System;
using System.Threading.Tasks;

namespace SimLoop;

// How a seed run re-runs one seed alone, as its replay line would run it, and how the report describes that: the
// body once more on the calling thread, or (for [SimulationTest]) the method on a fresh fixture after its [SetUp].
internal sealed record SeedRerun(Func<SeedCase, SimulationOptions, SeedOutcome> Run, string How)
{
    public static SeedRerun Body(Func<Simulation, Task> body) =>
        new((seedCase, template) => SeedExecution.Run(seedCase, body, template), "one seed, on one thread");
}
