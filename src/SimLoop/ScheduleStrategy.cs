namespace SimLoop;

/// <summary>How a simulation chooses the next ready continuation and the order of timers due at one instant.</summary>
public enum ScheduleStrategy
{
    /// <summary>asyncio's order: ready continuations in posting order, timers due together in creation order.</summary>
    Fifo,

    /// <summary>A seeded uniform pick among the ready continuations, and among timers due at the same instant.</summary>
    Random,

    /// <summary>Probabilistic concurrency testing: seeded task priorities with a few seeded change points.</summary>
    /// <remarks>Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized Scheduler with Probabilistic Guarantees
    /// of Finding Bugs", ASPLOS 2010. Timers due at the same instant are ordered as under <see cref="Random"/>.</remarks>
    Pct,
}
