namespace SimLoop.Tests.Replay;

public class ScheduleTests
{
    // Four tasks racing on a shared list, with Sim.Random deciding how long each sleeps.
    private static async Task<string> Race(int workers)
    {
        var order = new List<string>();
        SimTask[] tasks = [.. Enumerable.Range(0, workers).Select(i => Sim.Spawn(async () =>
        {
            for (int step = 0; step < 3; step++)
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(Sim.Random.Next(0, 3)));
                order.Add($"{i}.{step}");
                await Sim.Yield();
            }
        }, "w" + i))];
        foreach (SimTask task in tasks)
        {
            await task;
        }

        return string.Join(" ", order);
    }

    private static (string Output, string Fingerprint, Schedule? Schedule) Run(SimulationOptions options, int workers = 4)
    {
        var sim = new Simulation(options);
        string output = sim.Run(() => Race(workers));
        return (output, sim.Trace.Fingerprint, sim.Schedule);
    }

    [TestCase(ScheduleStrategy.Random)]
    [TestCase(ScheduleStrategy.Pct)]
    public void Replay_WithoutTheSeed_ReproducesTheRunExactly(ScheduleStrategy strategy)
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            var recorded = Run(new SimulationOptions { Seed = seed, Strategy = strategy, RecordSchedule = true });
            var replayed = Run(new SimulationOptions { Replay = recorded.Schedule });
            using (Assert.EnterMultipleScope())
            {
                Assert.That(replayed.Output, Is.EqualTo(recorded.Output), $"seed {seed}");
                Assert.That(replayed.Fingerprint, Is.EqualTo(recorded.Fingerprint), $"seed {seed}");
            }
        }
    }

    [Test]
    public void Recording_DoesNotChangeTheRun_AndRecordsEveryKindOfChoice()
    {
        var plain = Run(new SimulationOptions { Seed = 3, Strategy = ScheduleStrategy.Random });
        var recorded = Run(new SimulationOptions { Seed = 3, Strategy = ScheduleStrategy.Random, RecordSchedule = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Fingerprint, Is.EqualTo(plain.Fingerprint));
            Assert.That(plain.Schedule, Is.Null);
            Assert.That(recorded.Schedule!.Choices.Select(c => c.Kind).Distinct(),
                Is.EquivalentTo(new[] { ScheduleChoiceKind.ReadyItem, ScheduleChoiceKind.Random, ScheduleChoiceKind.Timer }));
            Assert.That(recorded.Schedule.Choices.Where(c => c.Kind != ScheduleChoiceKind.Random),
                Has.All.Matches<ScheduleChoice>(c => c.Candidates > 1 && c.Value < (ulong)c.Candidates));
            Assert.That(recorded.Schedule.Choices.Select(c => c.Step), Is.Ordered);
        }
    }

    [Test]
    public void Text_RoundTrips_ThroughAFile()
    {
        Schedule schedule = Run(new SimulationOptions { Seed = 9, Strategy = ScheduleStrategy.Pct, RecordSchedule = true }).Schedule!;
        string path = Path.Combine(Path.GetTempPath(), $"simloop-schedule-{Guid.NewGuid():N}.txt");
        try
        {
            schedule.Save(path);
            Schedule loaded = Schedule.Load(path);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(loaded.Choices, Is.EqualTo(schedule.Choices));
                Assert.That(loaded.Seed, Is.EqualTo(9));
                Assert.That(loaded.Strategy, Is.EqualTo(ScheduleStrategy.Pct));
                Assert.That(File.ReadAllText(path), Does.StartWith("# SimLoop schedule 2\n# seed 9 strategy Pct"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("ready 3 2/2", 3)]
    [TestCase("ready x 1/2", 3)]
    [TestCase("timer 4 1", 3)]
    [TestCase("random 5 -1", 3)]
    [TestCase("jump 5 1/2", 3)]
    [TestCase("timer 4 0/1", 3)]
    [TestCase("ready 0 1/2", 3)]
    public void Parse_CorruptLine_ThrowsNamingTheLine(string corrupt, int line)
    {
        string text = "# SimLoop schedule 2\nready 1 0/2\n" + corrupt + "\nend 2\n";
        Assert.That(() => Schedule.Parse(text),
            Throws.TypeOf<FormatException>().With.Message.StartsWith($"line {line}:").And.Message.Contains(corrupt));
    }

    [Test]
    public void Replay_OnAChangedProgram_FailsAtTheFirstStepThatDiffers_NamingBothSides()
    {
        Schedule schedule = Run(new SimulationOptions { Seed = 4, Strategy = ScheduleStrategy.Random, RecordSchedule = true }).Schedule!;

        var error = Assert.Throws<ScheduleMismatchException>(() => Run(new SimulationOptions { Replay = schedule }, workers: 5));
        Assert.That(error!.Message, Does.StartWith("The schedule no longer fits the program at step ")
            .And.Contain("where the schedule recorded choice 1 of"));
    }

    [Test]
    public void Replay_OnAProgramThatEndsSooner_SaysTheScheduleGoesOn()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 4, Strategy = ScheduleStrategy.Random, RecordSchedule = true });
        sim.Run(async () =>
        {
            SimTask a = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)));
            SimTask b = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)));
            await a;
            await b;
        });

        var error = Assert.Throws<ScheduleMismatchException>(() =>
            new Simulation(new SimulationOptions { Replay = sim.Schedule }).Run(() => Task.CompletedTask));
        Assert.That(error!.Message, Does.Contain("the run ended at step 1, but the schedule goes on"));
    }

    [TestCase(ScheduleChoiceKind.ReadyItem, 3L, 2ul, 2, "chooses index 2 of 2 candidates")]
    [TestCase(ScheduleChoiceKind.Timer, 3L, 7ul, 3, "chooses index 7 of 3 candidates")]
    [TestCase(ScheduleChoiceKind.ReadyItem, 3L, 0ul, 1, "chooses among 1 candidates")]
    [TestCase(ScheduleChoiceKind.Timer, 3L, 0ul, 0, "chooses among 0 candidates")]
    [TestCase(ScheduleChoiceKind.ReadyItem, 3L, 0ul, -4, "chooses among -4 candidates")]
    [TestCase(ScheduleChoiceKind.Random, 3L, 5ul, 2, "is a random draw, which has 0 candidates")]
    [TestCase((ScheduleChoiceKind)7, 3L, 0ul, 2, "has kind 7")]
    [TestCase(ScheduleChoiceKind.ReadyItem, -1L, 0ul, 2, "is at step -1")]
    [TestCase(ScheduleChoiceKind.ReadyItem, 1L, 0ul, 2, "before the choice ahead of it (step 2)")]
    public void Constructor_ChoiceNoRunMakes_ThrowsArgumentException_NamingTheChoice(
        ScheduleChoiceKind kind, long step, ulong value, int candidates, string rule)
    {
        ScheduleChoice[] choices = [new(2, ScheduleChoiceKind.ReadyItem, 1, 2), new(step, kind, value, candidates)];

        Assert.That(() => new Schedule(choices, seed: 0, ScheduleStrategy.Random),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("choices")
                .And.Message.StartsWith("choices[1] (").And.Message.Contains(rule));
    }

    [Test]
    public void Constructor_ChoicesARunRecords_AreAccepted()
    {
        ScheduleChoice[] choices =
        [
            new(0, ScheduleChoiceKind.Random, ulong.MaxValue, 0), new(2, ScheduleChoiceKind.ReadyItem, 1, 2),
            new(2, ScheduleChoiceKind.Random, 0, 0), new(3, ScheduleChoiceKind.Timer, 2, 3),
        ];

        Assert.That(new Schedule(choices, seed: -5, ScheduleStrategy.Pct).Choices, Is.EqualTo(choices));
    }

    [Test]
    public void Constructor_UndefinedStrategy_ThrowsNamingTheArgument()
    {
        Assert.That(() => new Schedule([], seed: 0, (ScheduleStrategy)9),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("strategy"));
    }

    [Test]
    public void Replay_HandBuiltScheduleThatFitsNoRunOfTheProgram_ThrowsScheduleMismatch()
    {
        // Valid as a schedule (index 2 of 3), but the program has only two ready items at step 2.
        var schedule = new Schedule([new ScheduleChoice(2, ScheduleChoiceKind.ReadyItem, 2, 3)], seed: 0, ScheduleStrategy.Random);

        Assert.That(() => Run(new SimulationOptions { Replay = schedule }, workers: 1),
            Throws.TypeOf<ScheduleMismatchException>().With.Message.Contains("ready item 2 of 3 at step 2"));
    }
}
