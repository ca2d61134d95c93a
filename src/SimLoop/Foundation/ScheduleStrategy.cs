namespace SimLoop;

/// <summary>How a simulation chooses the next ready continuation and the order of timers due at one instant.</summary>
public enum ScheduleStrategy
{
    /// <summary>asyncio's order: ready continuations in posting order, timers due together in creation order.</summary>
    Fifo,

    /// <summary>A seeded uniform pick among the ready continuations, and among timers due at the same instant.</summary>
    Random,

    /// <summary>Probabilistic concurrency testing: seeded task priorities, given to every task as it is created, with
    /// 1 to <see cref="SimulationOptions.PctDepth"/> - 1 seeded change points (the number drawn from the seed) over the
    /// run's scheduling choices (<see cref="SimulationOptions.PctSteps"/>).</summary>
    /// <remarks>Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized Scheduler with Probabilistic Guarantees
    /// of Finding Bugs", ASPLOS 2010. Timers due at the same instant are ordered as under <see cref="Random"/>.</remarks>
    Pct,

    /// <summary>Each seed runs one of <see cref="Random"/>, partial order sampling and <see cref="Pct"/> at depth 5, in
    /// turn (seed 0 Random, seed 1 partial order sampling, seed 2 Pct, seed 3 Random, ...): a range of seeds explores
    /// the ways each finds bugs, and a seed alone says which one it ran.</summary>
    /// <remarks>The default of <c>[SimulationTest]</c>, <c>SimulationRunner.Check</c> and <c>[SimulationProperty]</c>.
    /// Partial order sampling (Yuan, Yang and Gu, CAV 2018) gives each ready continuation a seeded priority of its own
    /// as it becomes ready and runs the highest: two ready continuations go either way as under Random, but one task
    /// runs many steps in a row far more often. <see cref="SimulationOptions.PctDepth"/> does not apply (the portfolio
    /// fixes its Pct's depth);
    /// <see cref="SimulationOptions.PctSteps"/> does.</remarks>
    Portfolio,
}
