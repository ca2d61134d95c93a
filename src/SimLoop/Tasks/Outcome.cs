using System;
using System.Threading.Tasks;

namespace SimLoop;

// Copies a finished SimTask's outcome onto a promise, marking its exception observed.
internal static class Outcome
{
    public static void CopyTo<T>(TaskCompletionSource<T> promise, SimTask task, Func<SimTask, T> result)
    {
        Invariant.Assert(task.IsCompleted, "only a finished task's outcome is copied");
        try
        {
            task.ThrowIfNotSuccessful();
        }
        catch (Exception exception)
        {
            promise.TrySetException(exception);
            return;
        }

        promise.TrySetResult(result(task));
    }
}
