namespace SimLoop;

// Where a task came from, for the timeline: the task that spawned it (by id, so that a finished spawner is not kept
// alive by the tasks it started), and the step and virtual time of the Spawn call. Main and tasks spawned from
// outside any task have spawner 0.
public abstract partial class SimTask
{
    /// <summary>Gets whether the task was started by <c>Spawn</c> (main was not).</summary>
    internal bool IsSpawned { get; private set; }

    internal int SpawnerId { get; private set; }

    internal long SpawnStep { get; private set; }

    internal long SpawnTicks { get; private set; }

    internal void RecordSpawn(SimTask? spawner, long step, long elapsedTicks)
    {
        IsSpawned = true;
        SpawnerId = spawner?.Id ?? 0;
        SpawnStep = step;
        SpawnTicks = elapsedTicks;
    }
}
