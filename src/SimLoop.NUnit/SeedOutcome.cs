using System;

namespace SimLoop;

// How one seed's run ended. Step and VirtualTime say where it failed: the step at which main finished with the
// exception, or, for SimLoop's own failures (deadlock, limit, escape), where the run stopped.
internal sealed record SeedOutcome(SeedCase Case, Exception? Exception, long Step, TimeSpan VirtualTime, string Fingerprint)
{
    public bool Failed => Exception is not null;
}
