using SimLoop.Tests.Support;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

#pragma warning disable CA1848, CA1873 // these tests log the way user code does, through the extension methods

namespace SimLoop.Tests.Diagnostics;

public class LoggingTests
{
    private static (Simulation Sim, FakeLogCollector Logs) Create()
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        return (new Simulation(new SimulationOptions { LoggerFactory = factory }), collector);
    }

    [Test]
    public void TaskLifecycleAndCancellation_AreLogged_WithStepAndVirtualTime()
    {
        var (sim, logs) = Create();
        sim.Run(async () =>
        {
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "worker");
            await Sim.Delay(TimeSpan.FromSeconds(3));
            worker.Cancel("enough");
            await Quietly.Finished(worker);
        });

        var records = logs.GetSnapshot();
        FakeLogRecord cancelled = records.Single(r => r.Id.Id == 202);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Count(r => r.Id.Id == 200), Is.EqualTo(2));
            Assert.That(records.Count(r => r.Id.Id == 201), Is.EqualTo(2));
            Assert.That(cancelled.Message, Does.Contain("worker").And.Contain("enough").And.Contain("00:00:03"));
            Assert.That(cancelled.StructuredState!.Select(p => p.Key), Is.SupersetOf(new[] { "Step", "VirtualTime" }));
        }
    }

    [Test]
    public void SimLoopsOwnLines_UseTheSamePrefixAsUserLoggers()
    {
        var (sim, logs) = Create();
        sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1.5));
            sim.CreateLogger("user").LogInformation("mine");
            SimTask worker = Sim.Spawn(() => Sim.Delay(TimeSpan.FromHours(1)), "worker");
            await Sim.Yield();
            worker.Cancel("enough");
            await Quietly.Finished(worker);
        });

        var records = logs.GetSnapshot();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single(r => r.Message.EndsWith("mine", StringComparison.Ordinal)).Message,
                Does.StartWith("[00:00:01.5 #3 'main'] "));
            Assert.That(records.Single(r => r.Id.Id == 202).Message,
                Does.StartWith("[00:00:01.5 #5] cancellation of task 2 'worker' requested: "));
            Assert.That(records.Single(r => r.Id.Id == 100).Message, Does.StartWith("[00:00:00 #0] run started"));
        }
    }

    [Test]
    public void Deadlock_IsLoggedAsAnError()
    {
        var (sim, logs) = Create();
        Assert.Throws<SimulationDeadlockException>(() => sim.Run(() => new TaskCompletionSource().Task));
        Assert.That(logs.GetSnapshot().Single(r => r.Id.Id == 300).Level, Is.EqualTo(LogLevel.Error));
    }

    [Test]
    public void UserLogger_StampsEntriesWithVirtualTimeStepAndTask()
    {
        var (sim, logs) = Create();
        sim.Run(async () =>
        {
            ILogger logger = Sim.CreateLogger("User");
            await Sim.Delay(TimeSpan.FromMinutes(2));
            logger.LogInformation("order {OrderId} shipped", 17);
        });

        FakeLogRecord record = logs.GetSnapshot().Single(r => r.Category == "User");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Message, Does.StartWith("[00:02:00 #").And.EndWith("'main'] order 17 shipped"));
            Assert.That(record.GetStructuredStateValue("VirtualTime"), Is.EqualTo(TimeSpan.FromMinutes(2).ToString()));
            Assert.That(record.GetStructuredStateValue("OrderId"), Is.EqualTo("17"));
        }
    }

    [Test]
    public void FakeLogCollector_WithTheSimulationsClock_TimestampsInVirtualTime()
    {
        var sim = new Simulation();
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions { TimeProvider = sim.Clock });
        var logger = new FakeLogger(collector);
        sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromDays(1));
            logger.LogInformation("tick");
        });

        Assert.That(collector.LatestRecord.Timestamp, Is.EqualTo(new DateTimeOffset(2000, 1, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void NoLoggerFactory_UserLoggerDiscardsQuietly()
    {
        var sim = new Simulation();
        Assert.DoesNotThrow(() => sim.Run(() =>
        {
            Sim.CreateLogger("User").LogInformation("nobody listens");
            return Task.CompletedTask;
        }));
    }
}
