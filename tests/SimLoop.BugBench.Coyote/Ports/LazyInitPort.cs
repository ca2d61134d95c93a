namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/LazyInitBug.cs: the first caller sets `starting` before it stores the connect task.
internal sealed class LazyInitPort : IPort
{
    private bool _starting;
    private Task<string>? _connect;

    public string Name => "lazy-init";

    public string Failure => nameof(NullReferenceException);

    public async Task Run()
    {
        Task first = Task.Run(async () => await GetAsync());
        Task second = Task.Run(async () =>
        {
            await Task.Yield(); // authenticate
            await Task.Yield();
            await GetAsync();
        });
        await first;
        await second;
    }

    private async Task<string> GetAsync()
    {
        if (!_starting)
        {
            _starting = true;
            await Task.Yield(); // log "connecting"
            _connect = ConnectAsync();
        }

        return await _connect!;
    }

    private static async Task<string> ConnectAsync()
    {
        await Task.Yield(); // the handshake
        return "connection";
    }
}
