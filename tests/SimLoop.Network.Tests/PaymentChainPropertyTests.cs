using System.Text.RegularExpressions;
using SimLoop.Network.Tests;

namespace SimLoop.Network.Tests.Properties;

// The three-service chain under faults drawn from the seed: the runner finds each planted bug within a few dozen
// seeds, prints the line that replays it, the line's seed fails the same way again, and the chain with both bugs
// fixed passes over the same seeds.
public partial class PaymentChainPropertyTests
{
    private const int Seeds = 40;

    [Test]
    public void NonIdempotentRetry_IsFound_AndReplaysFromTheSeed()
    {
        string block = FindAndReplay(PaymentChain.Program(idempotent: false, writeThrough: true), "NonIdempotentRetry");

        Assert.That(block, Does.Match(@"InvalidOperationException: order \d+ was charged 2 times"));
    }

    [Test]
    public void LostUpdateOnCrash_IsFound_AndReplaysFromTheSeed()
    {
        string block = FindAndReplay(PaymentChain.Program(idempotent: true, writeThrough: false), "LostUpdateOnCrash");

        Assert.That(block, Does.Match(@"InvalidOperationException: order \d+ was confirmed to a, but c's ledger has no charge for it"));
    }

    [Test]
    public void BothBugsFixed_PassesOverTheSameSeeds()
    {
        Assert.That(() => SimulationRunner.Check(PaymentChain.Program(idempotent: true, writeThrough: true), Options("Fixed")),
            Throws.Nothing);
    }

    [Test]
    public void FailureReport_LogsTheFaultsOfTheFailingRun()
    {
        var found = Assert.Throws<SeedFailureException>(() =>
            SimulationRunner.Check(PaymentChain.Program(idempotent: true, writeThrough: false), Options("LostUpdateOnCrash")));

        Assert.That(FirstBlock(found.Message), Does.Contain("fault began: crash c for ").And.Contain("fault planned: "));
    }

    private static string FindAndReplay(Func<Task> program, string name)
    {
        var found = Assert.Throws<SeedFailureException>(() => SimulationRunner.Check(program, Options(name)));
        TestContext.Out.WriteLine(found.Message.Split('\n')[0]);
        Match replay = ReplayLine().Match(found.Message);
        Assert.That(replay.Success, Is.True, found.Message);
        string block = FirstBlock(found.Message);

        var variables = new Dictionary<string, string> { ["SIMLOOP_SEED"] = replay.Groups["seed"].Value };
        if (replay.Groups["strategy"].Success)
        {
            variables["SIMLOOP_STRATEGY"] = replay.Groups["strategy"].Value;
        }

        if (replay.Groups["steps"].Success)
        {
            variables["SIMLOOP_PCT_STEPS"] = replay.Groups["steps"].Value;
        }

        var again = Assert.Throws<SeedFailureException>(() =>
            SimulationRunner.Check(program, Options(name) with { Environment = variables.GetValueOrDefault }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.FailedSeeds, Has.Count.GreaterThan(0).And.Count.LessThan(Seeds), "faults find the bug in some seeds, not all");
            Assert.That(again.FailedSeeds, Is.EqualTo(new[] { long.Parse(replay.Groups["seed"].Value, System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(FirstBlock(again.Message), Is.EqualTo(block), "the same exception at the same step and virtual time");
        }

        return block;
    }

    private static SeedRunOptions Options(string name) => new()
    {
        Seeds = Seeds,
        TestName = "PaymentChainPropertyTests." + name,
        Progress = TextWriter.Null,
        Environment = static _ => null, // the test decides the seeds, whatever the shell's SIMLOOP_* say
    };

    private static string FirstBlock(string message) => message.Split("\n\n")[1];

    [GeneratedRegex(@"Replay: SIMLOOP_SEED=(?<seed>-?\d+)(?: SIMLOOP_STRATEGY=(?<strategy>\w+))?(?: SIMLOOP_PCT_STEPS=(?<steps>\d+))? dotnet test")]
    private static partial Regex ReplayLine();
}
