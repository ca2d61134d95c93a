using System;

namespace SimLoop;

// What the pool capture sees of the loop whose steps it watches: where to report work a step sent to the pool, a
// real timer or real I/O a step started, and the step's wall-clock budget while a pool thread runs it.
internal interface IWatchedLoop
{
    /// <summary>Gets how long one step may hold its thread, in wall time.</summary>
    TimeSpan StepWallLimit { get; }

    /// <summary>The running step sent work to the pool under <paramref name="workId"/>.</summary>
    void OnSentToThreadPool(long workId);

    /// <summary>The running step started a real timer.</summary>
    void OnRealTimerStarted(int dueMilliseconds);

    /// <summary>The running step started real I/O.</summary>
    void OnRealIoStarted(string operation);

    /// <summary>The loop thread stops running user code (it waits for a pool thread's step).</summary>
    void LeaveUserCode();

    /// <summary>Fails the run with <paramref name="report"/>: a step on a pool thread overran its limit.</summary>
    void FailStep(string report);
}
