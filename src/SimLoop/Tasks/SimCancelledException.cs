using System;
using System.Threading;

namespace SimLoop;

/// <summary>What a cancelled <see cref="Sim.Delay"/>, <see cref="SimTask"/> or <see cref="Sim.WaitFor"/> throws
/// (asyncio's <c>CancelledError</c>).</summary>
/// <remarks>The message states the whole <see cref="Cause"/> chain, so a log line alone tells who cancelled whom.</remarks>
public sealed class SimCancelledException : OperationCanceledException
{
    /// <summary>Creates an exception with no recorded cause.</summary>
    public SimCancelledException()
        : base("The task was cancelled.")
    {
    }

    /// <summary>Creates an exception with the given message and no recorded cause.</summary>
    /// <param name="message">Why the task was cancelled.</param>
    public SimCancelledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">Why the task was cancelled.</param>
    /// <param name="innerException">The exception that caused the cancellation.</param>
    public SimCancelledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for the given cause.</summary>
    /// <param name="cause">Why the task was cancelled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cause"/> is <see langword="null"/>.</exception>
    public SimCancelledException(CancellationCause cause)
        : this(cause, innerException: null)
    {
    }

    /// <summary>Creates an exception for the given cause and inner exception.</summary>
    /// <param name="cause">Why the task was cancelled.</param>
    /// <param name="innerException">The exception that caused the cancellation, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cause"/> is <see langword="null"/>.</exception>
    public SimCancelledException(CancellationCause cause, Exception? innerException)
        : base(Describe(cause), innerException, CancellationToken.None)
    {
        Cause = cause;
    }

    private static string Describe(CancellationCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return cause.ToString();
    }

    /// <summary>Gets the cause of the cancellation, or <see langword="null"/> if none was recorded.</summary>
    public CancellationCause? Cause { get; }
}
