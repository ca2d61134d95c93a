namespace SimLoop.Benchmarks.Workloads;

// What the notes' programs need from the world they run in: starting a task, and sleeping. The floor and a
// FakeTimeProvider user each provide it their own way (NotePrograms is written once, against this).
internal interface INoteRuntime
{
    Task Spawn(Func<Task> body);

    Task Delay(TimeSpan delay, CancellationToken token = default);
}
