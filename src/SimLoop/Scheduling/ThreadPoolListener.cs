using System;
using System.Diagnostics.Tracing;
using System.Threading;

namespace SimLoop;

// Sees, synchronously on the thread that does it, every work item .NET queues to the thread pool: the
// runtime's FrameworkEventSource reports ThreadPoolEnqueueWork on the enqueuing thread and ThreadPoolDequeueWork
// on the pool thread that takes the item, before it runs it, both with the item's id. So a step that sends work
// away (a ConfigureAwait(false) continuation, Task.Run, the BCL's own pool hops) is known the moment it does, and
// the pool thread that later picks that work up is stopped before it runs it. One listener serves the process.
internal sealed class ThreadPoolListener : EventListener
{
    private const string FrameworkEventSourceName = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const int EnqueueEventId = 30;
    private const int DequeueEventId = 31;

    // The loop whose step is running on this thread (the loop thread, or a pool thread holding the baton).
    [ThreadStatic]
    private static RunLoop? t_stepLoop;

    // Set while this thread probes whether its enqueues are reported yet.
    [ThreadStatic]
    private static bool t_probing;

    [ThreadStatic]
    private static bool t_probeSeen;

    private static readonly Lazy<bool> s_started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RunLoop? StepLoop
    {
        get => t_stepLoop;
        set => t_stepLoop = value;
    }

    /// <summary>Starts the process-wide listener once; later calls cost a volatile read.</summary>
    /// <returns>Whether enqueues are reported, so that work sent to the pool can be kept under the loop's control.</returns>
    public static bool EnsureStarted() => s_started.Value;

    // The pool re-reads whether to report enqueues only when one of its workers dispatches, so enabling the
    // events is not enough: probe with a no-op work item until an enqueue from this thread is seen.
    private static bool Start()
    {
        _ = new ThreadPoolListener(); // lives for the process: the runtime keeps every listener until disposed
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var ran = new ManualResetEventSlim(initialState: false);
            t_probing = true;
            t_probeSeen = false;
#pragma warning disable RS0030 // The one place the library queues to the pool: a no-op that makes the pool refresh its logging flag.
            ThreadPool.UnsafeQueueUserWorkItem(static done => ((ManualResetEventSlim)done!).Set(), ran);
#pragma warning restore RS0030
            t_probing = false;
            if (t_probeSeen)
            {
                return true;
            }

            ran.Wait(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    // Called from the base constructor too, before this type's constructor has run: use no instance state.
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == FrameworkEventSourceName)
        {
            // Keywords ThreadPool (0x2) and ThreadTransfer (0x10) turn on the pool's enqueue/dequeue events.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x12);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == EnqueueEventId)
        {
            if (t_probing)
            {
                t_probeSeen = true;
            }
            else if (t_stepLoop is { } loop && WorkId(eventData) is long id)
            {
                loop.OnSentToThreadPool(id);
            }
        }
        else if (eventData.EventId == DequeueEventId && WorkId(eventData) is long id)
        {
            ThreadGuard.OnDequeued(id);
        }
    }

    private static long? WorkId(EventWrittenEventArgs eventData) =>
        eventData.Payload is [long id, ..] ? id : null;
}
