using System.Text.RegularExpressions;

namespace SimLoop.Seeds.Tests;

public partial class SimulationRunnerTests
{
    private static SeedRunOptions Options(Func<string, string?>? environment = null, int seeds = 200, int threads = 0) => new()
    {
        Seeds = seeds,
        Strategy = ScheduleStrategy.Random,
        TestName = "TransferTests.Transfer_never_loses_money",
        MaxDegreeOfParallelism = threads,
        Progress = TextWriter.Null,
        Environment = environment ?? DemoPrograms.NoEnvironment,
    };

    [Test]
    public void Check_FailingSeeds_ReportSeedStrategyStepTimeExceptionAndReplayLine()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options()));
        long seed = e.FailedSeeds[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.FailedSeeds, Is.Not.Empty.And.Count.LessThan(200), "a race: some seeds fail, others pass");
            Assert.That(e.Message, Does.StartWith($"SimLoop: {e.FailedSeeds.Count} of 200 seeds failed (seeds 0..199, strategy Random)."));
            Assert.That(e.Message, Does.Match(
                $@"\nSeed {seed} \(strategy Random\) failed at step \d+, virtual time 00:00:00: " +
                "InvalidOperationException: withdrew 120 from an account holding 100\n"));
            Assert.That(e.Message, Does.Contain(
                $"  Replay: SIMLOOP_SEED={seed} dotnet test --filter \"FullyQualifiedName~TransferTests.Transfer_never_loses_money\""));
            Assert.That(e.InnerException, Is.TypeOf<InvalidOperationException>());
        }
    }

    [Test]
    public void Check_NoSeedFails_DoesNotThrow()
    {
        Assert.That(() => SimulationRunner.Check(static async () => await Sim.Delay(TimeSpan.FromSeconds(1)), Options()), Throws.Nothing);
    }

    [Test]
    public void Check_ReplayLineSeed_FailsTheSameWayAtTheSameStep_100Of100()
    {
        var found = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options()));
        Match replay = ReplaySeed().Match(found.Message);
        Assert.That(replay.Success, Is.True, found.Message);
        string block = FirstBlock(found.Message);
        Func<string, string?> environment = DemoPrograms.Environment(("SIMLOOP_SEED", replay.Groups[1].Value));

        var blocks = new List<string>();
        for (int i = 0; i < 100; i++)
        {
            var again = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(environment)));
            blocks.Add(FirstBlock(again.Message));
        }

        Assert.That(blocks, Has.All.EqualTo(block), "same seed, same exception, same step, same virtual time, every time");
    }

    [Test]
    public void Check_ParallelRun_ReportsInSeedOrderAndMatchesASerialRun()
    {
        var parallel = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(threads: 4)));
        var serial = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(threads: 1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parallel.FailedSeeds, Is.Ordered.Ascending);
            Assert.That(parallel.FailedSeeds, Is.EqualTo(serial.FailedSeeds));
            Assert.That(parallel.Message, Is.EqualTo(serial.Message));
        }
    }

    [Test]
    public void Execute_ParallelRun_OutcomesInSeedOrderOnSeveralThreads()
    {
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var seeds = new System.Collections.Concurrent.ConcurrentBag<long>();
        int entered = 0;
        SeedRun run = SeedRun.Execute(async sim =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, true);
            seeds.Add(sim.Seed);
            if (sim.Seed < 2)
            {
                // Seeds 0 and 1 wait for each other, so two threads must run them (bounded: nothing hangs).
                Interlocked.Increment(ref entered);
                SpinWait.SpinUntil(() => Volatile.Read(ref entered) >= 2, TimeSpan.FromSeconds(10));
            }

            // Uneven work per seed, so threads finish out of seed order.
            for (long i = 0; i < sim.Seed % 7 * 50; i++)
            {
                await Sim.Yield();
            }
        }, Options(seeds: 64, threads: 4), "T.M", "M", regressions: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Cases.Select(c => c.Seed), Is.EqualTo(Enumerable.Range(0, 64).Select(i => (long)i)));
            Assert.That(seeds.Order(), Is.EqualTo(Enumerable.Range(0, 64).Select(i => (long)i)), "each seed ran once");
            Assert.That(threads.Keys, Has.Count.GreaterThan(1));
            Assert.That(run.FailureMessage, Is.Null);
        }
    }

    [Test]
    public void Check_CancellationFailure_ReportsTheCauseChain()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut, Options(seeds: 1)));

        Assert.That(e.Message, Does.Contain(
            "Seed 0 (strategy Random) failed at step ").And.Contain(", virtual time 00:00:02: TimeoutException: ").And.Contain(
            "\n  Cancellation: task 'call' cancelled at 00:00:02 by 'main': timeout of 2 s in WaitFor"));
    }

    [Test]
    public void Check_AssertFailsInsideOneSeed_FailsThatSeedOnly()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(async sim =>
        {
            await Sim.Yield();
            Assert.That(sim.Seed % 10, Is.Not.EqualTo(3));
        }, Options(seeds: 20)));

        Assert.That(e.FailedSeeds, Is.EqualTo(new long[] { 3, 13 }));
    }

    [Test]
    public void Check_StrategyFromEnvironment_AppearsInTheReplayLine()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.TimesOut,
            Options(DemoPrograms.Environment(("SIMLOOP_STRATEGY", "Pct")), seeds: 1)));

        Assert.That(e.Message, Does.Contain("SIMLOOP_SEED=0 SIMLOOP_STRATEGY=Pct dotnet test"));
    }

    [Test]
    public void Check_MalformedEnvironment_ThrowsBeforeRunningAnySeed()
    {
        int runs = 0;
        Assert.That(() => SimulationRunner.Check(() => { Interlocked.Increment(ref runs); return Task.CompletedTask; },
            Options(DemoPrograms.Environment(("SIMLOOP_SEEDS", "-1")))),
            Throws.InvalidOperationException.With.Message.StartWith("SIMLOOP_SEEDS='-1' is not valid"));
        Assert.That(runs, Is.Zero);
    }

    [Test]
    public void Check_NullBody_ThrowsNamingIt()
    {
        Assert.That(() => SimulationRunner.Check((Func<Task>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
    }

    [Test]
    public void Check_SeedsZero_ThrowsNamingTheOption()
    {
        Assert.That(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(seeds: 0)), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Message.StartWith("SeedRunOptions.Seeds must be at least 1; it was 0"));
    }

    [Test]
    public void Check_ParallelismNegative_ThrowsNamingTheOption()
    {
        Assert.That(() => SimulationRunner.Check(DemoPrograms.Transfer, Options(threads: -5)), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Message.StartWith("SeedRunOptions.MaxDegreeOfParallelism must be 0 (one thread per core) or more; it was -5"));
    }

    [Test]
    public void Check_StrategyOutOfRange_ThrowsNamingTheOption()
    {
        Assert.That(() => SimulationRunner.Check(DemoPrograms.Transfer, Options() with { Strategy = (ScheduleStrategy)99 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.StartWith("SeedRunOptions.Strategy must be Fifo, Random, Pct or Portfolio; it was 99"));
    }

    [Test]
    public void Check_EmptyTestName_ThrowsNamingTheOption()
    {
        Assert.That(() => SimulationRunner.Check(DemoPrograms.Transfer, Options() with { TestName = " " }),
            Throws.ArgumentException.With.Message.StartWith("SeedRunOptions.TestName must be null"));
    }

    [Test]
    public void Check_ShardWithNoSeeds_IsInconclusiveNotAPass()
    {
        int runs = 0;
        Assert.That(() => SimulationRunner.Check(() => { Interlocked.Increment(ref runs); return Task.CompletedTask; },
            Options(DemoPrograms.Environment(("SIMLOOP_SEEDS", "3"), ("SIMLOOP_SHARD", "2/8")))),
            Throws.TypeOf<InconclusiveException>().With.Message.Contains("no seeds to run in this process: shard 2/8 of 3 seeds: none.")
                .And.Message.Contains("Run at least 8 seeds"));
        Assert.That(runs, Is.Zero);
    }

    [Test]
    public void Check_RealRace_ReplaysAloneTheSameWayAndReportsNoSharedState()
    {
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(DemoPrograms.Transfer, Options()));

        Assert.That(e.Message, Does.Not.Contain("State shared between seeds"));
    }

    [Test]
    public void Check_SeedsSharingACounter_ReportsStateSharedBetweenSeeds()
    {
        // Each seed must start from zero, but the counter lives outside the body: every seed after the first sees
        // the others' increments. Run alone, a seed still sees them (the same closure), so only a fresh state
        // would pass, and the check reports what differs: here, the failure message itself.
        int counter = 0;
        var e = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(async () =>
        {
            int seen = Interlocked.Increment(ref counter);
            await Sim.Yield();
            if (seen > 1)
            {
                throw new InvalidOperationException($"counter was {seen}, expected 1");
            }
        }, Options(seeds: 10, threads: 1)));

        Assert.That(e.Message, Does.Contain("State shared between seeds: seed 1 failed in this run, but failed differently (Seed 1 ")
            .And.Contain("counter was 11, expected 1").And.Contain("re-ran it alone afterwards (one seed, on one thread)")
            .And.Contain("Create that state inside the test body"));
    }

    private static string FirstBlock(string message) => message.Split("\n\n")[1];

    [GeneratedRegex(@"Replay: SIMLOOP_SEED=(-?\d+) dotnet test")]
    private static partial Regex ReplaySeed();
}
