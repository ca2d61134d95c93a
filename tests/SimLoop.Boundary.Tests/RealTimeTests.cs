using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DotNext.Threading;

namespace SimLoop.Boundary.Tests;

// Real time and real I/O cannot be ordered by the loop. Each is named at the step that starts it, with the same text on
// every run of a seed, instead of surfacing later as a misnamed deadlock or a timeout that never fires.
#pragma warning disable CA2000, VSTHRD002 // disposables and waits left to the failing run on purpose
public class RealTimeTests
{
    private static readonly SimulationOptions Options = new() { Seed = 3, Strategy = ScheduleStrategy.Random, MaxStepWallTime = HardLimit.StepLimit };

    private static IEnumerable<TestCaseData> RealTimers()
    {
        yield return new TestCaseData((Func<Task>)(() => Task.Delay(TimeSpan.FromSeconds(1)))).SetArgDisplayNames("Task.Delay 1 s");
        yield return new TestCaseData((Func<Task>)(() => Task.Delay(TimeSpan.FromMilliseconds(10)))).SetArgDisplayNames("Task.Delay 10 ms");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            using var cts = new CancellationTokenSource();
            cts.CancelAfter(TimeSpan.FromSeconds(1));
            await Sim.Delay(TimeSpan.FromSeconds(2), cts.Token);
        })).SetArgDisplayNames("CancelAfter");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            await timer.WaitForNextTickAsync();
        })).SetArgDisplayNames("PeriodicTimer");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            using var timer = new Timer(_ => { }, null, TimeSpan.FromSeconds(1), System.Threading.Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(2));
        })).SetArgDisplayNames("System.Threading.Timer");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            var source = new TaskCompletionSource();
            await source.Task.WaitAsync(TimeSpan.FromSeconds(1));
        })).SetArgDisplayNames("WaitAsync timeout");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1), AutoReplenishment = true,
            });
            using RateLimitLease lease = await limiter.AcquireAsync();
        })).SetArgDisplayNames("RateLimiting's own timer");
        yield return new TestCaseData((Func<Task>)(async () =>
        {
            using var gate = new AsyncExclusiveLock();
            await gate.AcquireAsync();
            SimTask contender = Sim.Spawn(async () => await gate.TryAcquireAsync(TimeSpan.FromSeconds(1)), "contender");
            await contender;
        })).SetArgDisplayNames("DotNext TryAcquireAsync(timeout)");
    }

    [TestCaseSource(nameof(RealTimers))]
    public void RealTimer_StartedInAStep_IsNamedAtOnceTheSameWayEveryRun(Func<Task> program)
    {
        Exception? first = HardLimit.Run(program, Options);
        Exception? second = HardLimit.Run(program, Options);

        Assert.That(first, Is.InstanceOf<SimulationEscapeException>());
        Assert.That(first!.Message, Does.Contain("started a real timer, due in").And.Contain("sim.Clock"));
        Assert.That(first.Message, Does.Not.Contain("Deadlock"));
        Assert.That(second!.Message, Is.EqualTo(first.Message));
    }

    [Test]
    public void RealTimer_InTheMessage_NamesTheStepAndTask()
    {
        Exception? failure = HardLimit.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            await Sim.Spawn(() => Task.Delay(TimeSpan.FromSeconds(1)), "poller");
        });

        Assert.That(failure, Is.InstanceOf<SimulationEscapeException>()
            .With.Message.Contain("of 'poller' started a real timer, due in 1000 ms of wall time, in Task.Delay(), called from ")
            .And.Message.Contain("RealTimeTests.cs:"));
    }

    [Test]
    public void LoopbackSocket_IsNamedAsRealIoAtTheSameStepEveryRun()
    {
        static Task Program() => Socket();

        var messages = new HashSet<string>();
        for (int run = 0; run < 20; run++)
        {
            Exception? failure = HardLimit.Run(Program, Options);
            Assert.That(failure, Is.InstanceOf<SimulationEscapeException>().With.Message.Contain("started real I/O (a socket"));
            messages.Add(failure!.Message);
        }

        Assert.That(messages, Has.Count.EqualTo(1), string.Join("\n", messages));
    }

    [Test]
    public void RealTimerCreatedOutsideTheRun_DeadlockReport_DoesNotClaimNothingIsPending()
    {
        using var outside = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Exception? failure = HardLimit.Run(() => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, outside.Token));

        Assert.That(failure, Is.InstanceOf<SimulationDeadlockException>());
        Assert.That(failure!.Message, Does.Contain("no virtual timer is pending").And.Contain("real timer"));
    }

    private static async Task Socket()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        SimTask accepter = Sim.Spawn(async () =>
        {
            using Socket server = await listener.AcceptSocketAsync();
        }, "accepter");
        await Sim.Delay(TimeSpan.FromSeconds(1));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        await accepter;
    }
}

// A thread of its own is seen when it first runs, with the simulation's ExecutionContext: the message is the same on
// every run, the step at which the run stops may not be.
public class ThreadOfItsOwnTests
{
    [Test]
    public void ThreadStartedInAStep_FailsTheRunNamingIt()
    {
        for (int run = 0; run < 5; run++)
        {
            Exception? failure = HardLimit.Run(async () =>
            {
                var done = new TaskCompletionSource();
                var thread = new Thread(() => done.SetResult()) { IsBackground = true };
                thread.Start();
                await done.Task;
            });

            Assert.That(failure, Is.InstanceOf<SimulationEscapeException>()
                .With.Message.Contain("a thread of its own was started"));
        }
    }
}
