namespace SimLoop.Benchmarks.Floor;

// The floor's sleep: a promise that is its own timer entry. Continuations run asynchronously, so completing it
// (from a timer step or from a token's cancellation) posts the awaiting code as a step of its own.
internal sealed class DelayPromise : TaskCompletionSource, IFloorTimer
{
    public static readonly Action<object?> OnCancelled = static state => ((DelayPromise)state!).TrySetCanceled();

    public DelayPromise()
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
    }

    public CancellationTokenRegistration Registration { get; set; }

    public bool IsCurrent(int version) => !Task.IsCompleted;

    public void Fire()
    {
        if (TrySetResult())
        {
            Registration.Dispose();
        }
    }
}
