using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SimLoop;

/// <summary>The ambient API for code running inside a simulation: its clock, tasks, waits and randomness.</summary>
/// <remarks>Every member throws <see cref="InvalidOperationException"/> outside a running simulation, or on a thread
/// other than the simulation's.</remarks>
public static class Sim
{
    /// <summary>Gets the simulation running on this thread.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static Simulation Current => Simulation.CurrentOrThrow("Sim.Current");

    /// <summary>Gets the task whose step is running, or <see langword="null"/> in a <c>sim.At</c> action.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static SimTask? CurrentTask => Simulation.CurrentLoop("Sim.CurrentTask").CurrentTask;

    /// <summary>Gets the running simulation's virtual clock.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static VirtualClock Clock => Simulation.CurrentLoop("Sim.Clock").Clock;

    /// <summary>Gets the running simulation's virtual date and time.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static DateTimeOffset Now => Simulation.CurrentLoop("Sim.Now").Clock.GetUtcNow();

    /// <summary>Gets the virtual time since the start of the running simulation.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static TimeSpan Elapsed => Simulation.CurrentLoop("Sim.Elapsed").Clock.Elapsed;

    /// <summary>Gets a <see cref="System.Random"/> seeded from the simulation's seed.</summary>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    /// <remarks>Its draws come from SimLoop's own generator (xoshiro256**), separate from the scheduler's, so equal
    /// seeds give equal draws on every machine and .NET version.</remarks>
    public static Random Random => Current.Random;

    /// <summary>Waits <paramref name="delay"/> of virtual time (asyncio's <c>sleep</c>).</summary>
    /// <param name="delay">How long; <see cref="TimeSpan.Zero"/> still yields; <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits until cancelled.</param>
    /// <param name="token">Ends the wait early with <see cref="SimCancelledException"/> when cancelled.</param>
    /// <returns>A task that completes when the delay has passed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative (other than infinite), or the
    /// virtual time now plus <paramref name="delay"/> is <see cref="TimeSpan.MaxValue"/> or more (past the virtual time the
    /// clock can count).</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    /// <remarks>The wait also ends with <see cref="SimCancelledException"/> when the current task's cancellation is
    /// delivered; no token is needed for that.</remarks>
    public static Task Delay(TimeSpan delay, CancellationToken token = default)
    {
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay,
                $"{nameof(delay)} must be zero or positive, or Timeout.InfiniteTimeSpan to wait until cancelled; it was {delay}.");
        }

        RunLoop loop = Simulation.CurrentLoop("Sim.Delay");
        loop.Clock.CheckDueTime(delay, nameof(delay));
        return DelayWait.Start(loop, delay, token);
    }

    /// <summary>A scheduling point: lets every other ready continuation be chosen before this one resumes.</summary>
    /// <returns>An awaitable; awaiting it allocates nothing.</returns>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static SimYieldAwaitable Yield() => new(Simulation.CurrentLoop("Sim.Yield"));

    /// <summary>Starts a task in the running simulation; see <see cref="Simulation.Spawn(Func{Task}, string)"/>.</summary>
    /// <param name="body">The task's code.</param>
    /// <param name="name">A name for traces and messages.</param>
    /// <returns>The task's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static SimTask Spawn(Func<Task> body, string? name = null) => Current.Spawn(body, name);

    /// <summary>Starts a task with a result in the running simulation.</summary>
    /// <typeparam name="T">The type of the task's result.</typeparam>
    /// <param name="body">The task's code.</param>
    /// <param name="name">A name for traces and messages.</param>
    /// <returns>The task's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static SimTask<T> Spawn<T>(Func<Task<T>> body, string? name = null) => Current.Spawn(body, name);

    /// <summary>Waits for <paramref name="task"/> with a timeout in virtual time (asyncio's <c>wait_for</c>).</summary>
    /// <param name="task">The task to wait for.</param>
    /// <param name="timeout">How long; <see cref="Timeout.InfiniteTimeSpan"/> for no timeout.</param>
    /// <returns>A task that completes with the outcome of <paramref name="task"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite), or the
    /// virtual time now plus <paramref name="timeout"/> is <see cref="TimeSpan.MaxValue"/> or more (past the virtual time
    /// the clock can count).</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    /// <remarks>On timeout the task is cancelled and WaitFor waits until it has finished (its handlers and
    /// <c>finally</c> blocks have run); only then does the returned task fail with <see cref="TimeoutException"/>,
    /// whose inner exception is the task's <see cref="SimCancelledException"/>. If the waiting task is cancelled
    /// first, the task is cancelled the same way and WaitFor fails with <see cref="SimCancelledException"/>. A task
    /// that swallows the cancellation and returns normally makes WaitFor return normally, as asyncio does.</remarks>
    public static Task WaitFor(SimTask task, TimeSpan timeout) => WaitFor<object?>(task, timeout, static _ => null);

    /// <summary>Waits for <paramref name="task"/> with a timeout in virtual time and returns its result.</summary>
    /// <typeparam name="T">The type of the task's result.</typeparam>
    /// <param name="task">The task to wait for.</param>
    /// <param name="timeout">How long; <see cref="Timeout.InfiniteTimeSpan"/> for no timeout.</param>
    /// <returns>A task that completes with the result of <paramref name="task"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite), or the
    /// virtual time now plus <paramref name="timeout"/> is <see cref="TimeSpan.MaxValue"/> or more (past the virtual time
    /// the clock can count).</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    /// <remarks>As <see cref="WaitFor(SimTask, TimeSpan)"/>.</remarks>
    public static Task<T> WaitFor<T>(SimTask<T> task, TimeSpan timeout) =>
        WaitFor(task, timeout, static t => ((SimTask<T>)t).ResultUnchecked);

    /// <summary>Awaits <paramref name="task"/> without passing cancellation on to it (asyncio's <c>shield</c>).</summary>
    /// <param name="task">The task to await.</param>
    /// <returns>A task that completes with the outcome of <paramref name="task"/>, or fails with
    /// <see cref="SimCancelledException"/> at once when the awaiting task is cancelled; the shielded task keeps running.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static Task Shield(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        CheckSameSimulation(task, "Sim.Shield");
        return ShieldWait<object?>.Start(task, static _ => null);
    }

    /// <summary>Awaits <paramref name="task"/> without passing cancellation on to it, and returns its result.</summary>
    /// <typeparam name="T">The type of the task's result.</typeparam>
    /// <param name="task">The task to await.</param>
    /// <returns>A task that completes with the result of <paramref name="task"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static Task<T> Shield<T>(SimTask<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        CheckSameSimulation(task, "Sim.Shield");
        return ShieldWait<T>.Start(task, static t => ((SimTask<T>)t).ResultUnchecked);
    }

    /// <summary>Creates a logger whose entries carry virtual time; see <see cref="Simulation.CreateLogger(string)"/>.</summary>
    /// <param name="categoryName">The category, usually the name of the class that logs.</param>
    /// <returns>The logger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categoryName"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No simulation is running on this thread.</exception>
    public static ILogger CreateLogger(string categoryName) => Current.CreateLogger(categoryName);

    private static Task<T> WaitFor<T>(SimTask task, TimeSpan timeout, Func<SimTask, T> result)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                $"{nameof(timeout)} must be zero or positive, or Timeout.InfiniteTimeSpan for none; it was {timeout}.");
        }

        CheckSameSimulation(task, "Sim.WaitFor");
        task.Loop.Clock.CheckDueTime(timeout, nameof(timeout));
        return WaitForWait<T>.Start(task, timeout, result);
    }

    private static void CheckSameSimulation(SimTask task, string member)
    {
        if (Simulation.CurrentLoop(member) != task.Loop)
        {
            throw new InvalidOperationException($"{member} was given task '{task.Name}' of another simulation.");
        }
    }
}
