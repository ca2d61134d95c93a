namespace SimLoop;

// What the clock needs from whoever runs it, handed in so that the clock knows neither the loop nor the tasks: the
// thread check for callers, and the owner tag to give a timer created now (opaque to the clock; the loop makes the
// owner the current work while the timer's callback runs).
internal interface ITimerContext
{
    /// <summary>Throws when <paramref name="operation"/> is called from another thread while the simulation runs.</summary>
    void CheckCaller(string operation);

    /// <summary>Gets the owner tag for a timer created now.</summary>
    object? CurrentOwner { get; }
}
