using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SimLoop.Seeds.Tests;

public class SeedWorkerTests
{
    private static SeedRunOptions Options(int seeds, int threads) => new()
    {
        Seeds = seeds,
        Strategy = ScheduleStrategy.Random,
        TestName = "SeedWorkerTests.Context",
        MaxDegreeOfParallelism = threads,
        Progress = TextWriter.Null,
        Environment = DemoPrograms.NoEnvironment,
    };

    // Seeds that warn, write output and fail an Assert, each followed on its thread by seeds that must not see it:
    // every seed starts with a context as new (TestContext.Random's first number, no asserts counted, no assertion
    // results), its output reaches the test's, and nothing it recorded reaches the test's result.
    [TestCase(1)]
    [TestCase(2)]
    public void Check_SeedsAfterSeedsThatChangedTheirContext_SeeANewContext(int threads)
    {
        int expectedFirst;
        using (new TestExecutionContext.IsolatedContext())
        {
            expectedFirst = TestContext.CurrentContext.Random.Next();
        }

        var seen = new ConcurrentDictionary<long, Seen>();
        SeedFailureException? failure = null;
        try
        {
            SimulationRunner.Check(sim => TouchContext(sim, seen), Options(seeds: 40, threads));
        }
        catch (SeedFailureException e)
        {
            failure = e;
        }

        TestResult result = TestExecutionContext.CurrentContext.CurrentResult;
        (int leaked, string output) = (result.AssertionResults.Count, result.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure?.FailedSeeds, Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)(i * 4) + 3)));
            Assert.That(seen.Keys.Order(), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (long)i)));
            Assert.That(seen.Values.Distinct().ToArray(), Is.EqualTo(new[] { new Seen(expectedFirst, 0, 0, ResultState.Inconclusive) }));
            Assert.That(leaked, Is.Zero, "an assertion recorded in a seed reached the test's result");
            Assert.That(Enumerable.Range(0, 10).Select(i => $"seed {(i * 4) + 2} says hello").Where(line => !output.Contains(line, StringComparison.Ordinal)),
                Is.Empty);
        }
    }

    // A property's cases call SimProperty.Check one after another on the test's thread: each case sees a new context
    // as a seed of a batch does, and the test's own context is current again between cases.
    [Test]
    public void PropertyCases_OneAfterAnother_EachSeeANewContextAndTheTestsIsCurrentBetween()
    {
        int expectedFirst;
        using (new TestExecutionContext.IsolatedContext())
        {
            expectedFirst = TestContext.CurrentContext.Random.Next();
        }

        TestExecutionContext own = TestExecutionContext.CurrentContext;
        var seen = new ConcurrentDictionary<long, Seen>();
        var failed = new List<long>();
        var between = new HashSet<TestExecutionContext>();
        for (long seed = 0; seed < 20; seed++)
        {
            try
            {
                SimProperty.Check(new SimCase(seed, ScheduleStrategy.Random, FaultPlan.None), sim => TouchContext(sim, seen));
            }
            catch (SeedFailureException)
            {
                failed.Add(seed);
            }

            between.Add(TestExecutionContext.CurrentContext);
        }

        TestResult result = own.CurrentResult;
        (int leaked, string output) = (result.AssertionResults.Count, result.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.EqualTo(new long[] { 3, 7, 11, 15, 19 }));
            Assert.That(between, Is.EquivalentTo(new[] { own }));
            Assert.That(seen.Values.Distinct().ToArray(), Is.EqualTo(new[] { new Seen(expectedFirst, 0, 0, ResultState.Inconclusive) }));
            Assert.That(leaked, Is.Zero, "an assertion recorded in a case reached the test's result");
            Assert.That(new[] { 2, 6, 10, 14, 18 }.Select(seed => $"seed {seed} says hello").Where(line => !output.Contains(line, StringComparison.Ordinal)),
                Is.Empty);
        }
    }

    // What makes a seed cheap: the seeds of one thread share one NUnit context, which is not the test's own.
    [Test]
    public void Check_PassingSeedsOnOneThread_ShareOneContextThatIsNotTheTests()
    {
        var contexts = new ConcurrentBag<TestExecutionContext>();
        SimulationRunner.Check(async () =>
        {
            contexts.Add(TestExecutionContext.CurrentContext);
            await Sim.Yield();
            Assert.That(TestContext.CurrentContext.Random.Next(), Is.GreaterThanOrEqualTo(0));
        }, Options(seeds: 50, threads: 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SeedWorker.Reuses, Is.True, "this NUnit's context could not be set back between seeds");
            Assert.That(contexts.Distinct().Count(), Is.EqualTo(1));
            Assert.That(contexts, Has.None.SameAs(TestExecutionContext.CurrentContext));
        }
    }

    // Reads what a new context would show, then counts an assert, and by seed warns, writes output or fails.
    private static async Task TouchContext(Simulation sim, ConcurrentDictionary<long, Seen> seen)
    {
        TestContext context = TestContext.CurrentContext;
        seen[sim.Seed] = new Seen(context.Random.Next(), context.AssertCount, context.Result.Assertions.Count(), context.Result.Outcome);
        await Sim.Yield();
        Assert.That(sim.Seed, Is.GreaterThanOrEqualTo(0));
        switch (sim.Seed % 4)
        {
            case 1:
                Assert.Warn($"seed {sim.Seed} warns");
                break;
            case 2:
                await TestContext.Out.WriteLineAsync($"seed {sim.Seed} says hello");
                break;
            case 3:
                Assert.That(sim.Seed, Is.EqualTo(-1));
                break;
        }
    }

    private sealed record Seen(int Random, int Asserts, int Assertions, ResultState State);
}
