using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSamples.Contexts;

/// <summary>A fragment of a test's dependency-injection setup: the service collection it fills and the logger
/// factory of the test's own providers.</summary>
public abstract class Services
{
    protected IServiceCollection services { get; } = new ServiceCollection();

    protected ILoggerFactory loggerFactory { get; } = LoggerFactory.Create(_ => { });
}
