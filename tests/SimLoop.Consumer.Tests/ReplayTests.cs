using System.Text.RegularExpressions;

namespace SimLoop.Consumer.Tests;

// The loop a user goes through when a seed fails in CI: read the replay line, set SIMLOOP_SEED, get the same
// failure. SIMLOOP_SEED is process-wide, hence NonParallelizable and the reset in finally.
[TestFixture]
[NonParallelizable]
public partial class ReplayTests
{
    private const string TestName = "ReplayTests.Withdraw_WithoutLock";

    [Test]
    public void Withdraw_WithoutLock_SomeSeedsFailWithAReplayLine()
    {
        SeedFailureException failure = RunUnlocked();

        Assert.Multiple(() =>
        {
            Assert.That(failure.FailedSeeds, Is.Not.Empty);
            Assert.That(failure.Message, Does.Contain("balance went negative: withdrew 120 from 100"));
            Assert.That(failure.Message, Does.Contain(
                $"Replay: SIMLOOP_SEED={failure.FailedSeeds[0]} dotnet test --filter \"FullyQualifiedName~{TestName}\""));
        });
    }

    [Test]
    public void Withdraw_WithoutLock_ReplayedBySimloopSeed_FailsTheSameWay()
    {
        SeedFailureException first = RunUnlocked();
        Match replay = ReplayLine().Match(first.Message);
        Assert.That(replay.Success, Is.True, first.Message);
        string seed = replay.Groups["seed"].Value;
        string block = SeedBlock(first.Message, seed);

        Environment.SetEnvironmentVariable("SIMLOOP_SEED", seed);
        SeedFailureException again;
        try
        {
            again = RunUnlocked();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SIMLOOP_SEED", null);
        }

        Assert.Multiple(() =>
        {
            Assert.That(again.FailedSeeds, Is.EqualTo(new[] { long.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(again.Message, Does.Contain($"1 of 1 seeds failed (seed {seed} from SIMLOOP_SEED"));
            Assert.That(SeedBlock(again.Message, seed), Is.EqualTo(block));
        });
    }

    [Test]
    public void Withdraw_WithLock_NoSeedFails()
    {
        Assert.DoesNotThrow(() => SimulationRunner.Check(
            () => Account.TwoWithdrawals(locked: true),
            new SeedRunOptions { Seeds = 1000, TestName = TestName }));
    }

    private static SeedFailureException RunUnlocked() => Assert.Throws<SeedFailureException>(() =>
        SimulationRunner.Check(
            () => Account.TwoWithdrawals(locked: false),
            new SeedRunOptions { Seeds = 1000, Strategy = ScheduleStrategy.Random, TestName = TestName }))!;

    // The "Seed N (strategy S) failed at step X, virtual time T: ..." line of one seed.
    private static string SeedBlock(string message, string seed) =>
        message.Split('\n').Select(line => line.TrimEnd('\r')).First(line => line.StartsWith($"Seed {seed} ", StringComparison.Ordinal));

    [GeneratedRegex(@"Replay: SIMLOOP_SEED=(?<seed>-?\d+) ")]
    private static partial Regex ReplayLine();
}
