namespace SimLoop.Tests.Strategies;

// Simulation.Choices counts the steps where more than one ready item could run: the unit of Pct's horizon.
public class ChoiceCountTests
{
    private static async Task Workers(int workers, int yields)
    {
        var tasks = new List<SimTask>();
        for (int w = 0; w < workers; w++)
        {
            tasks.Add(Sim.Spawn(async () =>
            {
                for (int i = 0; i < yields; i++)
                {
                    await Sim.Yield();
                }
            }, $"w{w}"));
        }

        foreach (SimTask task in tasks)
        {
            await task;
        }
    }

    [TestCase(ScheduleStrategy.Fifo, 1L)]
    [TestCase(ScheduleStrategy.Random, 2L)]
    [TestCase(ScheduleStrategy.Pct, 3L)]
    [TestCase(ScheduleStrategy.Portfolio, 4L)]
    public void Choices_AreTheRecordedReadyItemChoices(ScheduleStrategy strategy, long seed)
    {
        var sim = new Simulation(new SimulationOptions { Strategy = strategy, Seed = seed, RecordSchedule = true });
        sim.Run(() => Workers(3, 4));

        int recorded = sim.Schedule!.Choices.Count(c => c.Kind == ScheduleChoiceKind.ReadyItem);
        Assert.That(sim.Choices, Is.EqualTo(recorded).And.GreaterThan(3), "three workers of four yields leave the order open");
    }

    [Test]
    public void Choices_OneTaskAlone_IsZero()
    {
        var sim = new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 9 });
        sim.Run(static async () =>
        {
            await Sim.Yield();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(sim.Choices, Is.Zero);
    }

    [Test]
    public void Choices_OfAReplay_AreTheOriginalRunsChoices()
    {
        var original = new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Random, Seed = 5, RecordSchedule = true });
        original.Run(() => Workers(2, 6));
        var replay = new Simulation(new SimulationOptions { Replay = original.Schedule });
        replay.Run(() => Workers(2, 6));

        Assert.That(replay.Choices, Is.EqualTo(original.Choices).And.Positive);
    }
}
