using System;
using System.Collections.Generic;

namespace SimLoop;

/// <summary>Thrown when one or more seeds of a seed run failed; the message has a block per failing seed with the
/// line that replays it.</summary>
public sealed class SeedFailureException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public SeedFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The report.</param>
    public SeedFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the first seed's exception.</summary>
    /// <param name="message">The report.</param>
    /// <param name="innerException">The exception of the first failing seed.</param>
    public SeedFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal SeedFailureException(string message, Exception? innerException, IReadOnlyList<long> failedSeeds)
        : base(message, innerException)
    {
        FailedSeeds = failedSeeds;
    }

    /// <summary>Gets the failing seeds, in the order they were reported: the first 1,000 in seed order when more failed
    /// (the message gives the total).</summary>
    public IReadOnlyList<long> FailedSeeds { get; } = [];
}
