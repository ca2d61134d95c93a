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

    // The code the next Run on this thread runs, taken by s_run as it starts: a static delegate and a thread-static
    // slot rather than a closure per run.
    [ThreadStatic]
    private static Action? t_action;

    private static readonly Action s_run = static () =>
    {
        Action action = t_action!;
        t_action = null; // taken: a PlatformNotSupportedException after this point is the action's own
        action();
    };

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

        t_action = action;
        try
        {
#pragma warning disable SYSLIB0046 // See the file's comment: the abort ends only a step already past its limit.
            System.Runtime.ControlledExecution.Run(s_run, token);
#pragma warning restore SYSLIB0046
        }
        catch (PlatformNotSupportedException) when (t_action is not null)
        {
            t_action = null;
            s_unsupported = true;
            action();
        }
    }
}
