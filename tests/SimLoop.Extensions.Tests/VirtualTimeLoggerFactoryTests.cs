using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

#pragma warning disable CA1848, CA1873 // these tests log the way user code does, through the extension methods

namespace SimLoop.Extensions.Tests;

// Production code takes ILogger<T> (or ILoggerFactory) from dependency injection. Registering the simulation's logger
// factory in the container makes those loggers stamp their entries with the virtual time, step and task.
public class VirtualTimeLoggerFactoryTests
{
    [Test]
    public void LoggerFromDependencyInjection_WithTheSimulationsFactory_LogsInVirtualTime()
    {
        var (sim, logs) = Create();
        using ServiceProvider services = Services(sim, sim.CreateLoggerFactory());

        sim.Run(() => services.GetRequiredService<OrderService>().ShipAsync(17));

        FakeLogRecord record = logs.GetSnapshot().Single(r => r.Category == typeof(OrderService).FullName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Message, Does.StartWith("[00:05:00 #").And.EndWith("'main'] order 17 shipped"));
            Assert.That(record.GetStructuredStateValue("VirtualTime"), Is.EqualTo(TimeSpan.FromMinutes(5).ToString()));
            Assert.That(record.GetStructuredStateValue("Task"), Is.EqualTo("main"));
            Assert.That(record.GetStructuredStateValue("OrderId"), Is.EqualTo("17"));
        }
    }

    [Test]
    public void LoggerFromDependencyInjection_WithThePlainFactory_CarriesNoVirtualTime()
    {
        var (sim, logs) = Create();
        using ServiceProvider services = Services(sim, sim.Options.LoggerFactory!);

        sim.Run(() => services.GetRequiredService<OrderService>().ShipAsync(17));

        FakeLogRecord record = logs.GetSnapshot().Single(r => r.Category == typeof(OrderService).FullName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Message, Is.EqualTo("order 17 shipped"));
            Assert.That(record.GetStructuredStateValue("VirtualTime"), Is.Null);
        }
    }

    [Test]
    public void CreateLoggerGeneric_StampsEachCategory_WithTheTaskThatLogs()
    {
        var (sim, logs) = Create();
        ILoggerFactory factory = sim.CreateLoggerFactory();

        sim.Run(async () =>
        {
            ILogger<OrderService> orders = factory.CreateLogger<OrderService>();
            ILogger billing = factory.CreateLogger("Billing");
            SimTask invoicer = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(90));
                billing.LogInformation("invoiced");
            }, "invoicer");
            await Sim.Delay(TimeSpan.FromSeconds(30));
            orders.LogInformation("accepted");
            await invoicer;
        });

        var messages = logs.GetSnapshot()
            .Where(r => r.Category != "SimLoop")
            .Select(r => (r.Category, Time: r.GetStructuredStateValue("VirtualTime"), Task: r.GetStructuredStateValue("Task")));
        Assert.That(messages, Is.EqualTo(new[]
        {
            (typeof(OrderService).FullName, "00:00:30", "main"),
            ("Billing", "00:01:30", "invoicer"),
        }));
    }

    [Test]
    public void Dispose_LeavesTheOptionsFactoryOpen()
    {
        var (sim, logs) = Create();
        sim.CreateLoggerFactory().Dispose();

        sim.Run(() =>
        {
            sim.CreateLoggerFactory().CreateLogger("After").LogInformation("still logging");
            return Task.CompletedTask;
        });

        Assert.That(logs.GetSnapshot().Select(r => r.Category), Does.Contain("After"));
    }

    [Test]
    public void CreateLoggerFactory_WithoutAFactoryInTheOptions_DiscardsEverything()
    {
        var sim = new Simulation();
        Assert.That(sim.CreateLoggerFactory(), Is.SameAs(NullLoggerFactory.Instance));
    }

    private static (Simulation Sim, FakeLogCollector Logs) Create()
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(collector)));
        return (new Simulation(new SimulationOptions { LoggerFactory = factory }), collector);
    }

    // The application's own wiring: its services, the simulation's clock as the TimeProvider and the given factory as
    // the ILoggerFactory. Registered before AddLogging, whose TryAdd then keeps it.
    private static ServiceProvider Services(Simulation sim, ILoggerFactory loggerFactory)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(sim.Clock);
        services.AddSingleton<OrderService>();
        return services.BuildServiceProvider();
    }
}

// Production code as it is written: a logger and a clock from the container, nothing of SimLoop's.
internal sealed class OrderService(ILogger<OrderService> logger, TimeProvider time)
{
    public async Task ShipAsync(int orderId)
    {
        await Task.Delay(TimeSpan.FromMinutes(5), time);
        logger.LogInformation("order {OrderId} shipped", orderId);
    }
}
