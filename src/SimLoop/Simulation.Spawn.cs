using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace SimLoop;

public sealed partial class Simulation
{
    /// <summary>Starts a task (asyncio's <c>create_task</c>); its first step runs on a later step, never inside Spawn.</summary>
    /// <param name="body">The task's code.</param>
    /// <param name="name">A name for traces and messages; "task-{Id}" if omitted.</param>
    /// <returns>The task's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The run has ended, or the call came from another thread.</exception>
    /// <remarks>Tasks spawned before <c>Run</c> start when the run starts, after main's first step is queued.</remarks>
    public SimTask Spawn(Func<Task> body, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckCanSchedule(nameof(Spawn));
        return _loop.Start(Spawned(new VoidSimTask(_loop, body, name)));
    }

    /// <summary>Starts a task that produces a result; its first step runs on a later step, never inside Spawn.</summary>
    /// <typeparam name="T">The type of the task's result.</typeparam>
    /// <param name="body">The task's code.</param>
    /// <param name="name">A name for traces and messages; "task-{Id}" if omitted.</param>
    /// <returns>The task's handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The run has ended, or the call came from another thread.</exception>
    public SimTask<T> Spawn<T>(Func<Task<T>> body, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckCanSchedule(nameof(Spawn));
        return _loop.Start(Spawned(new SimTask<T>(_loop, body, name)));
    }

    /// <summary>Gets the tasks that have not finished yet, in creation order (asyncio's <c>all_tasks</c>).</summary>
    public IReadOnlyList<SimTask> Tasks => _loop.Tasks.Pending();

    /// <summary>Runs <paramref name="action"/> on the loop at virtual time <paramref name="at"/> after the start.</summary>
    /// <param name="at">When, measured from the start of the run; a time already past runs at the current instant.</param>
    /// <param name="action">What to do: for example cancel tasks, as the notes' Ctrl+C does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is negative, or is
    /// <see cref="TimeSpan.MaxValue"/> (past the virtual time the clock can count).</exception>
    /// <exception cref="InvalidOperationException">The run has ended, or the call came from another thread.</exception>
    /// <remarks>The action belongs to no task. An exception it throws fails the run.</remarks>
    public void At(TimeSpan at, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (at < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at,
                $"{nameof(at)} is a virtual time after the start of the run and must be zero or positive; it was {at}.");
        }

        // TimeSpan.MaxValue's ticks are the due time that means "not scheduled": the action would silently never run.
        if (at == TimeSpan.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at,
                $"{nameof(at)} must be less than TimeSpan.MaxValue, the most virtual time the clock can count; it was {at}.");
        }

        CheckCanSchedule(nameof(At));
        var entry = new AtAction(_loop.Clock.NextTimerSequence(), action);
        _loop.Clock.Schedule(entry, Math.Max(at.Ticks, _loop.Clock.ElapsedTicks));
    }

    /// <summary>Requests the cancellation of every pending task, in creation order (the notes' Ctrl+C).</summary>
    /// <param name="reason">Why, for each task's <see cref="CancellationCause"/>; "CancelAll() was called" if omitted.</param>
    /// <returns>How many tasks were asked to cancel.</returns>
    /// <exception cref="InvalidOperationException">The call came from another thread while the simulation runs.</exception>
    public int CancelAll(string? reason = null)
    {
        _loop.Guard.CheckCaller(nameof(CancelAll));
        return _loop.Tasks.CancelAll(reason ?? "CancelAll() was called");
    }

    private T Spawned<T>(T task)
        where T : SimTask
    {
        task.RecordSpawn(_loop.CurrentTask, _loop.Steps, _loop.Clock.ElapsedTicks);
        return task;
    }

    private void CheckCanSchedule(string member)
    {
        if (_state == RunState.Ended)
        {
            throw new InvalidOperationException(
                $"{member} was called after the run ended. A Simulation runs once: create a new Simulation for another run.");
        }

        _loop.Guard.CheckCaller(member);
    }
}
