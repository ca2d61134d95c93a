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

        var seen = new ConcurrentDictionary<long, (int Random, int Asserts, int Assertions, ResultState State)>();
        SeedFailureException? failure = null;
        try
        {
            SimulationRunner.Check(async sim =>
            {
                TestContext context = TestContext.CurrentContext;
                seen[sim.Seed] = (context.Random.Next(), context.AssertCount, context.Result.Assertions.Count(), context.Result.Outcome);
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
            }, Options(seeds: 40, threads));
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
            Assert.That(seen.Values.Distinct().ToArray(), Is.EqualTo(new[] { (expectedFirst, 0, 0, ResultState.Inconclusive) }));
            Assert.That(leaked, Is.Zero, "an assertion recorded in a seed reached the test's result");
            Assert.That(Enumerable.Range(0, 10).Select(i => $"seed {(i * 4) + 2} says hello").Where(line => !output.Contains(line, StringComparison.Ordinal)),
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
}
