using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace SimLoop;

// A SimTask whose body returns a plain Task. Its Completion comes from an AsyncTaskMethodBuilder because only the
// builder can complete a Task as cancelled while keeping the SimCancelledException (and its cause) to rethrow.
internal sealed class VoidSimTask : SimTask
{
    private readonly Func<Task> _body;
    private AsyncTaskMethodBuilder _completion = AsyncTaskMethodBuilder.Create();

    public VoidSimTask(ITaskLoop loop, Func<Task> body, string? name)
        : base(loop, name)
    {
        _body = body;
        _ = _completion.Task; // created now, so that SetResult never races its creation
    }

    private protected override Task CompletionTask => _completion.Task;

    private protected override Task InvokeBody() => _body();

    private protected override void CaptureResult(Task body)
    {
    }

    private protected override void SetCompletion(Exception? exception)
    {
        if (exception is null)
        {
            _completion.SetResult();
        }
        else
        {
            _completion.SetException(exception);
        }
    }
}
