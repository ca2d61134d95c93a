using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SimLoop.AspNetCore.Tests;

// What a real application uses works inside the simulation: controllers, middleware, dependency injection, a hosted
// service on the application's TimeProvider, and loggers that stamp virtual time.
public class FeatureTests
{
    private static readonly Action<ILogger, int, Exception?> s_pricing =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(1, "Pricing"), "pricing item {Item}");

    [Test]
    public void Controller_WithAnInjectedService_AnswersThroughTheNetwork()
    {
        string? body = Get("/prices/7", builder =>
        {
            builder.Services.AddSingleton<PriceList>();
            builder.Services.AddControllers().AddApplicationPart(typeof(PricesController).Assembly);
        }, app => app.MapControllers());

        Assert.That(body, Is.EqualTo("price of 7: 49"));
    }

    [Test]
    public void Middleware_RunsAroundTheEndpoint_AndReadsTheSimulationsClock()
    {
        string? body = Get("/", _ => { }, app =>
        {
            app.Use(async (context, next) =>
            {
                TimeProvider clock = context.RequestServices.GetRequiredService<TimeProvider>();
                context.Response.Headers["X-Served-At"] = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                await next(context);
            });
            app.MapGet("/", (HttpContext context) => $"served at {context.Response.Headers["X-Served-At"]}");
        });

        Assert.That(body, Is.EqualTo("served at 2000-01-01T00:00:00.0100000+00:00"));
    }

    [Test]
    public void HostedService_TicksInVirtualTime()
    {
        string? body = Get("/ticks", builder =>
        {
            builder.Services.AddSingleton<Ticks>();
            builder.Services.AddHostedService<Ticker>();
        }, app => app.MapGet("/ticks", (Ticks ticks) => $"{ticks.Count} ticks"), after: TimeSpan.FromSeconds(3.5));

        Assert.That(body, Is.EqualTo("3 ticks"));
    }

    [Test]
    public void Logger_FromTheApplication_StampsVirtualTimeStepAndTask()
    {
        using var collected = new CollectingProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(collected));
        var options = new SimulationOptions { LoggerFactory = factory };
        Get("/", _ => { }, app => app.MapGet("/", (ILogger<FeatureTests> logger) =>
        {
            s_pricing(logger, 7, null);
            return "ok";
        }), options: options);

        Assert.That(collected.Messages, Has.Some.Match(@"^\[00:00:00\.01 #\d+ 'b: GET /'\] pricing item 7$"));
    }

    [Test]
    public void NewHttpClient_InsideAnApplication_StopsTheRunNamingRealIo()
    {
        var error = Assert.Throws<SimulationEscapeException>(() => Get("/", _ => { }, app => app.MapGet("/", async () =>
        {
            using var own = new HttpClient();
            return await own.GetStringAsync(new Uri("http://c/"));
        })));

        Assert.That(error?.Message, Does.Contain("real I/O"));
    }

    private static string? Get(
        string path, Action<WebApplicationBuilder> configure, Action<WebApplication> map, TimeSpan after = default,
        SimulationOptions? options = null)
    {
        string? body = null;
        new Simulation(options).Run(async () =>
        {
            var net = new SimNetwork(Services.TenMilliseconds);
            net.AddHost("a", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("b", configure, map);
            await Sim.Delay(after);
            using HttpClient client = net.CreateClient("a");
            body = await client.GetStringAsync(new Uri("http://b" + path));
        });
        return body;
    }

    public sealed class PriceList
    {
        public int Factor { get; } = 7;

        public int PriceOf(int item) => item * Factor;
    }

    private sealed class Ticks
    {
        public int Count { get; set; }
    }

    private sealed class Ticker(Ticks ticks, TimeProvider clock) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ticks.Count++;
            }
        }
    }

    private sealed class CollectingProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collecting(Messages);

        public void Dispose()
        {
        }

        private sealed class Collecting(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) => messages.Add(formatter(state, exception));
        }
    }
}

/// <summary>A controller of the application under test.</summary>
[ApiController]
[Route("prices")]
public sealed class PricesController(FeatureTests.PriceList prices) : ControllerBase
{
    /// <summary>The price of an item.</summary>
    [HttpGet("{item:int}")]
    public string Get(int item) => $"price of {item}: {prices.PriceOf(item)}";
}
