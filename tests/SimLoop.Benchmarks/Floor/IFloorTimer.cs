namespace SimLoop.Benchmarks.Floor;

// An entry of the floor's timer queue. The queue keeps the version an entry had when it was scheduled, so a timer
// that was cancelled or rescheduled since is skipped instead of searched for and removed.
internal interface IFloorTimer
{
    bool IsCurrent(int version);

    void Fire();
}
