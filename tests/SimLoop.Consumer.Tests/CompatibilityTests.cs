namespace SimLoop.Consumer.Tests;

// What depends on the runtime the package runs on: the BCL's TimeProvider seam, the thread-pool hops SimLoop keeps on
// the loop (an EventListener on the runtime's own thread-pool events), Task.Run among them. On the net8.0
// leg these run on .NET 8's BCL, not .NET 10's.
public class CompatibilityTests
{
    [Test]
    public void TimeProviderApis_GivenTheSimulationsClock_RunInVirtualTime()
    {
        var sim = new Simulation();
        int ticks = 0;
        bool timedOut = false;

        sim.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), sim.Clock);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), sim.Clock);
            while (ticks < 3 && await timer.WaitForNextTickAsync())
            {
                ticks++;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), sim.Clock);
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), sim.Clock).WaitAsync(timeout.Token);
            }
            catch (TaskCanceledException)
            {
                timedOut = true;
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(ticks, Is.EqualTo(3));
            Assert.That(timedOut, Is.True);
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(60 + 30 + 5)));
        });
    }

    [Test]
    public void LibraryCodeWithConfigureAwaitFalse_SameSeed_SameRunOnThePoolThreads()
    {
        for (long seed = 0; seed < 10; seed++)
        {
            (string output, string fingerprint, bool pooled) first = RunWorkers(seed);
            (string output, string fingerprint, bool pooled) again = RunWorkers(seed);

            Assert.Multiple(() =>
            {
                Assert.That(again, Is.EqualTo(first), $"seed {seed}");
                Assert.That(first.pooled, Is.True, $"seed {seed}: no step ran on a pool thread, so nothing hopped");
            });
        }
    }

    [Test]
    public void TaskRun_InsideARun_RunsOnAPoolThreadAsALoopStep_InVirtualTime()
    {
        var sim = new Simulation();
        int loopThread = Environment.CurrentManagedThreadId;
        int ranOn = 0;

        int result = sim.Run(() => Task.Run(async () =>
        {
            ranOn = Environment.CurrentManagedThreadId;
            await Task.Delay(TimeSpan.FromMinutes(5), sim.Clock);
            return 42;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(ranOn, Is.Not.EqualTo(loopThread));
            Assert.That(sim.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(sim.Trace.Select(e => e.Kind), Does.Contain(TraceEventKind.ThreadPoolWork));
        });
    }

    // Four workers behind a SemaphoreSlim, awaiting with ConfigureAwait(false) as library code does.
    private static (string Output, string Fingerprint, bool Pooled) RunWorkers(long seed)
    {
        var lines = new List<string>();
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random });
        sim.Run(async () =>
        {
            var gate = new TaskCompletionSource();
            using var semaphore = new SemaphoreSlim(1);
            var workers = new List<SimTask>();
            for (int i = 0; i < 4; i++)
            {
                int index = i;
                workers.Add(Sim.Spawn(async () =>
                {
                    await gate.Task.ConfigureAwait(false);
                    await semaphore.WaitAsync().ConfigureAwait(false);
                    lines.Add($"w{index} in");
                    await Task.Yield();
                    semaphore.Release();
                }, $"w{i}"));
            }

            await Sim.Yield();
            gate.SetResult();
            foreach (SimTask worker in workers)
            {
                await worker;
            }
        });
        return (string.Join(" ", lines), sim.Trace.Fingerprint, sim.Trace.Any(e => e.Kind == TraceEventKind.ThreadPoolWork));
    }
}
