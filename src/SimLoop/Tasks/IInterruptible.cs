namespace SimLoop;

// A SimLoop wait that a task is blocked in (Sim.Delay, awaiting a SimTask, Shield, WaitFor). Delivering a
// cancellation interrupts the task's waits; each wait decides what that means for it (asyncio's rules).
internal interface IInterruptible
{
    void Interrupt(CancellationCause cause);

    /// <summary>What the task is waiting for, for deadlock reports ("awaiting task 'b'").</summary>
    string Describe();
}
