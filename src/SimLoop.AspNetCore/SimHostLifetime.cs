using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace SimLoop;

// The host's lifetime inside a simulation: the network starts and stops the application, so nothing listens for
// Ctrl+C or process signals (the default console lifetime registers handlers for them and logs to the console).
internal sealed class SimHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
