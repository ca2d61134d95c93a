namespace SimLoop.BugBench.Bugs;

// Lazy initialization that publishes its "started" flag before its task: the first caller sets `_starting`, logs
// (an await), and only then stores the connect task. A second caller that checks in between sees the flag, skips the
// start, and awaits a task that is not there yet. The second caller authenticates first, so in Fifo order the task
// is stored before it checks.
internal sealed class LazyInitBug : IBug
{
    public string Name => "lazy-init";

    public string Description => "The first caller sets `starting` before it stores the connect task; a second caller in between awaits a null task.";

    public string Origin => "Async pattern: lazy initialization";

    public Type Failure => typeof(NullReferenceException);

    public int Depth => 2;

    public async Task Run()
    {
        var connector = new Connector();
        SimTask first = Sim.Spawn(async () => await connector.GetAsync(), "caller#1");
        SimTask second = Sim.Spawn(async () =>
        {
            await Task.Yield(); // authenticate
            await Task.Yield();
            await connector.GetAsync();
        }, "caller#2");
        await first;
        await second;
    }

    private sealed class Connector
    {
        private bool _starting;
        private Task<string>? _connect;

        public async Task<string> GetAsync()
        {
            if (!_starting)
            {
                _starting = true;
                await Task.Yield(); // log "connecting"
                _connect = ConnectAsync();
            }

            return await _connect!; // the bug: `_connect` is stored after the flag, across an await
        }

        private static async Task<string> ConnectAsync()
        {
            await Task.Yield(); // the handshake
            return "connection";
        }
    }
}
