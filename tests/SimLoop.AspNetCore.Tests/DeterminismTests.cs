namespace SimLoop.AspNetCore.Tests;

// The three applications' run is a function of the seed and the strategy: the same options twice give the same
// lines and the same fingerprint, under every strategy, and different seeds order the messages differently.
public class DeterminismTests
{
    [TestCase(ScheduleStrategy.Fifo)]
    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    [TestCase(ScheduleStrategy.Portfolio)]
    public void Chain_SameSeedTwice_SameLinesAndFingerprint(ScheduleStrategy strategy)
    {
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            Services.Outcome first = Services.Run(JitteredChain, seed, strategy);
            Services.Outcome second = Services.Run(JitteredChain, seed, strategy);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"seed {seed}");
                Assert.That(second.Steps, Is.EqualTo(first.Steps), $"seed {seed}");
                Assert.That(second.Lines, Is.EqualTo(first.Lines), $"seed {seed}");
                Assert.That(first.Lines, Has.Some.Contains("a's timeout of 1 s"), $"seed {seed}");
            }
        }
    }

    [Test]
    public void Chain_DifferentSeeds_DifferentTimesAndFingerprints()
    {
        Services.Outcome[] runs = [.. Enumerable.Range(1, 5).Select(seed => Services.Run(JitteredChain, seed, ScheduleStrategy.Random))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Fingerprint).Distinct().Count(), Is.GreaterThan(1));
            Assert.That(runs.Select(r => string.Join("\n", r.Lines)).Distinct().Count(), Is.GreaterThan(1));
        }
    }

    // The chain with the default latencies, 1 to 5 ms drawn from the seed, so times differ from seed to seed.
    private static async Task JitteredChain(List<string> lines)
    {
        var net = new SimNetwork();
        Services.AddChain(net, lines);
        using HttpClient user = net.CreateClient("user");
        using HttpResponseMessage answer = await user.GetAsync(new Uri("http://a/go"));
        lines.Add($"{Services.At()} user: {(int)answer.StatusCode}");
        await Sim.Delay(TimeSpan.FromSeconds(10));
    }
}
