using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// One host of the network: its handler, whether it is up, and the tasks it runs (handlers and the background work
// SimNetwork.Spawn starts), so a crash can cancel them.
internal sealed class Host
{
    private readonly List<SimTask> _handlers = [];

    public Host(string name, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> handler)
    {
        Name = name;
        Handler = handler;
    }

    public string Name { get; }

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Handler { get; }

    public bool IsDown { get; set; }

    // Told of crashes and restarts; null for a host that is only a handler.
    public ISimHostLifecycle? Lifecycle { get; set; }

    public void AddHandlerTask(SimTask task)
    {
        _handlers.RemoveAll(static t => t.IsCompleted);
        _handlers.Add(task);
    }

    // In start order, so a crash cancels them in the same order on every run.
    public List<SimTask> TakeRunningHandlers()
    {
        List<SimTask> running = _handlers.FindAll(static t => !t.IsCompleted);
        _handlers.Clear();
        return running;
    }

    public override string ToString() => Name;
}
