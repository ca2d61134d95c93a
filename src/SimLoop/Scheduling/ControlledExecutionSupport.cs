using System;
using System.Threading;

namespace SimLoop;

// The one way .NET offers to stop a thread that runs without end: ControlledExecution.Run aborts the code it runs when
// its token is cancelled. The runtime marks it obsolete for production code because an abort can land anywhere; here
// it ends only a step that has already run past SimulationOptions.MaxStepWallTime, in a run that has already failed.
internal static class ControlledExecutionSupport
{
    /// <summary>Gets whether this runtime can abort code (CoreCLR can; NativeAOT and Mono cannot).</summary>
    public static bool IsAvailable { get; } = Probe();

    public static void Run(Action action, CancellationToken token)
    {
#pragma warning disable SYSLIB0046 // See the file's comment: the abort ends only a step already past its limit.
        System.Runtime.ControlledExecution.Run(action, token);
#pragma warning restore SYSLIB0046
    }

    private static bool Probe()
    {
        try
        {
            Run(static () => { }, CancellationToken.None);
            return true;
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }
}
