using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace SimLoop;

/// <summary>What <see cref="Sim.Yield"/> returns: awaiting it is a scheduling point.</summary>
/// <remarks>A struct, so a yield allocates nothing: the continuation goes straight onto the ready queue.</remarks>
public readonly struct SimYieldAwaitable
{
    // The loop Sim.Yield found, so awaiting does not look it up again (null for a default instance).
    private readonly ITaskLoop? _loop;

    internal SimYieldAwaitable(ITaskLoop loop)
    {
        _loop = loop;
    }

    /// <summary>Gets the awaiter.</summary>
    /// <returns>The awaiter.</returns>
    public SimYieldAwaiter GetAwaiter() => new(_loop);

    /// <summary>Awaits a scheduling point; see <see cref="Sim.Yield"/>.</summary>
    public readonly struct SimYieldAwaiter : ICriticalNotifyCompletion
    {
        private static readonly SendOrPostCallback s_resume = static state => ((Action)state!)();

        private readonly ITaskLoop? _loop;

        internal SimYieldAwaiter(ITaskLoop? loop)
        {
            _loop = loop;
        }

        /// <summary>Gets <see langword="false"/>: a yield always lets other ready work run first.</summary>
        public bool IsCompleted => false;

        /// <summary>Ends the yield.</summary>
        /// <exception cref="SimCancelledException">The current task's cancellation was requested meanwhile.</exception>
        public void GetResult() => (_loop ?? Simulation.CurrentLoop("Sim.Yield")).CurrentTask?.ThrowIfCancellationPending();

        /// <summary>Puts the continuation at the back of the ready queue.</summary>
        /// <param name="continuation">The continuation.</param>
        public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

        /// <summary>Puts the continuation at the back of the ready queue.</summary>
        /// <param name="continuation">The continuation.</param>
        public void UnsafeOnCompleted(Action continuation)
        {
            ArgumentNullException.ThrowIfNull(continuation);
            ITaskLoop loop = _loop ?? Simulation.CurrentLoop("Sim.Yield");
            loop.Post(s_resume, continuation, loop.CurrentTask, TraceEventKind.Continuation);
        }
    }
}
