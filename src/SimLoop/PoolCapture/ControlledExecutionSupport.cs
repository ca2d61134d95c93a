using System;
using System.Threading;

namespace SimLoop;

// The one way .NET offers to stop a thread that runs without end: ControlledExecution.Run aborts the code it runs when
// its token is cancelled. The runtime marks it obsolete for production code because an abort can land anywhere; here
// it ends only a step that has already run past SimulationOptions.MaxStepWallTime, in a run that has already failed.
// Runtimes that cannot abort (NativeAOT, Mono) run the code plainly: a step that never yields then cannot be ended.
internal static class ControlledExecutionSupport
{
    private static volatile bool s_unsupported;

    /// <summary>Runs <paramref name="action"/>, aborting it if <paramref name="token"/> is cancelled meanwhile.</summary>
    /// <param name="action">The code to run.</param>
    /// <param name="token">A token that can be cancelled (ControlledExecution.Run never returns with
    /// <see cref="CancellationToken.None"/>).</param>
    public static void Run(Action action, CancellationToken token)
    {
        if (s_unsupported || !token.CanBeCanceled)
        {
            action();
            return;
        }

        bool started = false;
        try
        {
#pragma warning disable SYSLIB0046 // See the file's comment: the abort ends only a step already past its limit.
            System.Runtime.ControlledExecution.Run(
                () =>
                {
                    started = true;
                    action();
                },
                token);
#pragma warning restore SYSLIB0046
        }
        catch (PlatformNotSupportedException) when (!started)
        {
            s_unsupported = true;
            action();
        }
    }
}
