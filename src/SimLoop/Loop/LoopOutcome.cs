namespace SimLoop;

// How one phase of the run loop ended.
internal enum LoopOutcome
{
    Done,
    Deadlock,
    StepLimit,
    TimeLimit,
    Escaped,
    Blocked,
    Faulted,
}
