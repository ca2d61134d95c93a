namespace SimLoop.Network.Tests;

// Faults drawn from the seed replay exactly: the three-service chain with partitions and crashes, each seed run
// twice under every strategy, gives the same faults, the same outcome of every order and the same fingerprint.
public class FaultDeterminismTests
{
    private static readonly long[] s_seeds = [1, 2, 3, 4, 5, 6];

    private static readonly ScheduleStrategy[] s_strategies =
        [ScheduleStrategy.Fifo, ScheduleStrategy.Random, ScheduleStrategy.Pct, ScheduleStrategy.Portfolio];

    [Test]
    public void SameSeed_SameFaultsOrdersAndFingerprint_UnderEveryStrategy()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (ScheduleStrategy strategy in s_strategies)
            {
                foreach (long seed in s_seeds)
                {
                    Hosts.Outcome first = Chain(seed, strategy);
                    Hosts.Outcome second = Chain(seed, strategy);
                    Assert.That(second.Lines, Is.EqualTo(first.Lines), $"seed {seed}, {strategy}");
                    Assert.That(second.Fingerprint, Is.EqualTo(first.Fingerprint), $"seed {seed}, {strategy}");
                }
            }
        }
    }

    [Test]
    public void DifferentSeeds_DifferentFaultSchedulesAndRuns_WithPartitionsAndCrashes()
    {
        List<Hosts.Outcome> runs = [.. s_seeds.Select(seed => Chain(seed, ScheduleStrategy.Random))];
        List<string> schedules = [.. runs.Select(run => string.Join("; ", run.Lines.Take(PaymentChain.Faults.Count)))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedules, Is.Unique);
            Assert.That(runs.Select(run => run.Fingerprint), Is.Unique);
            Assert.That(schedules, Has.Some.Contains("partition "), "the seeds exercise partitions");
            Assert.That(schedules, Has.Some.Contains("crash "), "the seeds exercise crashes");
            Assert.That(runs.SelectMany(run => run.Lines), Has.Some.EndsWith(": HttpRequestException"), "some order met a crash");
            Assert.That(runs.SelectMany(run => run.Lines), Has.Some.EndsWith(": TaskCanceledException"), "some order met a partition");
        }
    }

    [Test]
    public void FaultSchedule_DependsOnTheSeedOnly_NotOnTheStrategy()
    {
        List<string> schedules = [.. s_strategies.Select(strategy =>
            string.Join("; ", Chain(seed: 3, strategy).Lines.Take(PaymentChain.Faults.Count)))];

        Assert.That(schedules, Has.All.EqualTo(schedules[0]));
    }

    private static Hosts.Outcome Chain(long seed, ScheduleStrategy strategy) =>
        Hosts.Run(lines => PaymentChain.Run(idempotent: true, writeThrough: true, lines), seed, strategy);
}
