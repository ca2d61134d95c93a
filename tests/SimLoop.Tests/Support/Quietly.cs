using System.Runtime.CompilerServices;

namespace SimLoop.Tests.Support;

// Waits until a task has finished, whatever its outcome, without passing cancellation on to it (asyncio.wait).
internal static class Quietly
{
    public static ConfiguredTaskAwaitable Finished(SimTask task) =>
        Sim.Shield(task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
}
