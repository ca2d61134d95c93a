namespace SimLoop.Properties;

/// <summary>A generated case broke a law; the message names the case and how to replay it.</summary>
public sealed class LawViolationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public LawViolationException()
        : base("A law was violated.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which law, which case, what differed, and the replay line.</param>
    public LawViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">Which law, which case, what differed, and the replay line.</param>
    /// <param name="innerException">What the run threw.</param>
    public LawViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
