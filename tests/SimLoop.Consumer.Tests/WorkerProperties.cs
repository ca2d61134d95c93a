using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;

namespace SimLoop.Consumer.Tests;

// FsCheck properties as users write them: SimLoop.FsCheck's generators quantify over seeds, strategies and fault
// plans (cancel a task at a virtual time), and a failure would carry SimLoop's replay line.
[Properties(Arbitrary = new[] { typeof(SimArbitraries) }, MaxTest = 200)]
public class WorkerProperties
{
    [Property]
    public void Workers_AnyScheduleAndFaults_EachFinallyRunsOnce(SimCase run) => SimProperty.Check(run, async sim =>
    {
        int[] finallies = new int[3];
        var workers = new List<SimTask>();
        for (int i = 0; i < finallies.Length; i++)
        {
            int index = i;
            workers.Add(Sim.Spawn(async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromSeconds(index + 1));
                }
                finally
                {
                    finallies[index]++;
                }
            }, $"worker {i}"));
        }

        foreach (SimTask worker in workers)
        {
            try
            {
                await worker;
            }
            catch (SimCancelledException)
            {
                // A fault plan may cancel a worker: it still ends, and its finally still runs once.
            }
        }

        if (finallies.Any(count => count != 1))
        {
            throw new InvalidOperationException($"finally blocks ran [{string.Join(", ", finallies)}] times, not once each");
        }
    });

    [Property]
    public bool Delay_AnyDuration_ElapsedIsExactlyThatLong(PositiveInt milliseconds)
    {
        var sim = new Simulation();
        sim.Run(() => Sim.Delay(TimeSpan.FromMilliseconds(milliseconds.Get)));
        return sim.Elapsed == TimeSpan.FromMilliseconds(milliseconds.Get);
    }

    [Property]
    public bool Seed_SameSeedTwice_SameFingerprint(long seed) => Fingerprint(seed) == Fingerprint(seed);

    private static string Fingerprint(long seed)
    {
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random });
        sim.Run(() => Account.TwoWithdrawals(locked: true));
        return sim.Trace.Fingerprint;
    }
}
