using System.Text.RegularExpressions;

namespace SimLoop.AspNetCore.Tests;

// The property over the three payment services, with partitions and crashes drawn from the seed: no order is charged
// twice. With the planted bug (a bank that is not idempotent under shop's retries) a modest number of seeds finds a
// double charge, and the replay line the failure prints replays it exactly; with the bug fixed, the same seeds pass.
[NonParallelizable] // the replay sets SIMLOOP_* variables of the process, as the printed line does in a shell
public partial class PaymentPropertyTests
{
    private const int Seeds = 40;

    private static SeedRunOptions Options => new() { Seeds = Seeds, MaxDegreeOfParallelism = 1, Progress = TextWriter.Null };

    [Test]
    public void NonIdempotentRetry_UnderFaults_IsFound_AndItsReplayLineReplaysIt()
    {
        SeedFailureException found = ReplayWith(string.Empty,
            () => SimulationRunner.Check(() => Payments.PlaceOrders(idempotentBank: false), Options));
        Match replay = ReplayLine().Match(found.Message);
        Assert.That(replay.Success, Is.True, found.Message);
        long seed = found.FailedSeeds[0];
        string block = Block(found.Message, seed);
        TestContext.Out.WriteLine(string.Join('\n', found.Message.Split('\n')
            .Where(line => line.StartsWith("SimLoop:", StringComparison.Ordinal) || line == block || line.Contains($"SIMLOOP_SEED={seed} ", StringComparison.Ordinal))));

        SeedFailureException again = ReplayWith(replay.Groups["variables"].Value,
            () => SimulationRunner.Check(() => Payments.PlaceOrders(idempotentBank: false), Options));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.FailedSeeds, Has.Count.LessThan(Seeds), "some seeds' faults miss the window of a charge");
            Assert.That(block, Does.Match(@"InvalidOperationException: order \d+ was charged [2-9] times"));
            Assert.That(replay.Groups["variables"].Value, Does.StartWith($"SIMLOOP_SEED={seed}"));
            Assert.That(again.FailedSeeds, Is.EqualTo(new[] { seed }));
            Assert.That(Block(again.Message, seed), Is.EqualTo(block), "same order, same step, same virtual time");
        }
    }

    [Test]
    public void IdempotentBank_UnderTheSameFaults_NoOrderIsChargedTwice()
    {
        Assert.That(() => SimulationRunner.Check(() => Payments.PlaceOrders(idempotentBank: true), Options), Throws.Nothing);
    }

    // Runs check with the replay line's variables set, as the shell would (none for the first run), and returns its
    // failure.
    private static SeedFailureException ReplayWith(string variables, Action check)
    {
        string[][] pairs = [.. variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))];
        try
        {
            foreach (string[] pair in pairs)
            {
                Environment.SetEnvironmentVariable(pair[0], pair[1]);
            }

            try
            {
                check();
            }
            catch (SeedFailureException failure)
            {
                return failure;
            }

            throw new AssertionException("The replay passed: it did not fail as the printed seed did.");
        }
        finally
        {
            foreach (string[] pair in pairs)
            {
                Environment.SetEnvironmentVariable(pair[0], null);
            }
        }
    }

    // The first line of one seed's block: seed, strategy, step, virtual time and the exception.
    private static string Block(string message, long seed) =>
        message.Split('\n').First(line => line.StartsWith($"Seed {seed} (", StringComparison.Ordinal));

    [GeneratedRegex(@"Replay: (?<variables>(SIMLOOP_[A-Z_]+=\S+ )+)dotnet test")]
    private static partial Regex ReplayLine();
}
