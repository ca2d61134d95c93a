namespace SimLoop;

// Told when a SimTask finishes, inline in the step it finished in, before the task's Completion completes.
internal interface ITaskObserver
{
    void OnTaskFinished(SimTask task);
}
