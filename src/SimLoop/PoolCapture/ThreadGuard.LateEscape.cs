using System.Threading;

namespace SimLoop;

// The one escape the guard cannot see the moment a step makes it: a thread the program started itself is seen only
// when it first runs. A run about to be reported as a deadlock gives such a thread a bounded moment to arrive, so that
// it is named, not taken for a deadlock.
internal sealed partial class ThreadGuard
{
    // How many times a failing run yields its core for a thread the program started before it reports a deadlock.
    private const int LateEscapeLooks = 200;

    /// <summary>On the loop thread of a run about to be reported as a deadlock: whether a thread the program started
    /// reaches the guard within a bounded number of looks.</summary>
    /// <remarks>A thread the program started is seen only when it first runs. Thread.Start returns once the new thread
    /// runs, so it arrives within microseconds unless the OS takes its core: the loop gives up its own core a bounded
    /// number of times (longer on a busier machine) and looks.</remarks>
    public bool AwaitLateEscape()
    {
        for (int look = 0; look < LateEscapeLooks; look++)
        {
            if (HasEscaped)
            {
                return true;
            }

#pragma warning disable RS0030 // Not a wait on the program: lets a thread it just started reach the guard.
            Thread.Yield();
#pragma warning restore RS0030
        }

        return HasEscaped;
    }
}
