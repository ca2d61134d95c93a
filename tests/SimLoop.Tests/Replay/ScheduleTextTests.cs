namespace SimLoop.Tests.Replay;

public class ScheduleTextTests
{
    private static readonly Schedule EndsWithADraw = new(
        [
            new(2, ScheduleChoiceKind.ReadyItem, 1, 2), new(3, ScheduleChoiceKind.Timer, 0, 3),
            new(12, ScheduleChoiceKind.Random, 9223372036854775807, 0),
        ],
        seed: 9, ScheduleStrategy.Pct);

    // As SimLoop wrote schedules before the end line (format version 1).
    private const string Version1 = "# SimLoop schedule 1\n# seed 0 strategy Fifo, 3 choices\nready 2 0/2\nready 4 1/2\nrandom 4 9123456789\n";

    [Test]
    public void ToString_WritesTheVersion_TheChoices_AndTheEndLineWithTheCount()
    {
        Assert.That(EndsWithADraw.ToString(), Is.EqualTo(
            "# SimLoop schedule 2\n# seed 9 strategy Pct, 3 choices\nready 2 1/2\ntimer 3 0/3\nrandom 12 9223372036854775807\nend 3\n"));
    }

    [Test]
    public void Parse_WhatToStringWrote_GivesTheSameSchedule()
    {
        Schedule parsed = Schedule.Parse(EndsWithADraw.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.Choices, Is.EqualTo(EndsWithADraw.Choices));
            Assert.That(parsed.Seed, Is.EqualTo(9));
            Assert.That(parsed.Strategy, Is.EqualTo(ScheduleStrategy.Pct));
        }
    }

    [Test]
    public void Parse_EveryTruncation_ThrowsFormatException_NamingALine()
    {
        string text = EndsWithADraw.ToString();

        // Losing only the final line break loses nothing; every shorter prefix has lost part of the schedule.
        using (Assert.EnterMultipleScope())
        {
            for (int length = 0; length < text.Length - 1; length++)
            {
                string prefix = text[..length];
                Assert.That(() => Schedule.Parse(prefix), Throws.TypeOf<FormatException>().With.Message.Match(@"^line \d+: "),
                    $"cut after {length} characters: '{prefix}'");
            }

            Assert.That(Schedule.Parse(text[..^1]).Choices, Is.EqualTo(EndsWithADraw.Choices));
        }
    }

    [Test]
    public void Parse_LastDrawCutShort_ThrowsSayingTheScheduleIsTruncated()
    {
        string cut = EndsWithADraw.ToString()[..^"5807\nend 3\n".Length];

        Assert.That(() => Schedule.Parse(cut), Throws.TypeOf<FormatException>()
            .With.Message.StartsWith("line 5: the schedule ends without its 'end <count>' line after 3 choices"));
    }

    [TestCase("ready 2 0/2\nend 2\n", "line 3: the end line says 2 choices, but 1 were read")]
    [TestCase("ready 2 0/2\nend 1\nready 3 0/2\nend 2\n", "line 4: only comments may follow the end line (line 3)")]
    [TestCase("ready 2 0/2\nend\n", "line 3: expected 'end <count>', got 'end'")]
    [TestCase("# seed 1 strategy Random, 2 choices\nready 2 0/2\nend 1\n", "line 2: the seed line says 2 choices, but 1 were read")]
    public void Parse_EndLineThatDoesNotFit_ThrowsNamingTheLine(string body, string message)
    {
        Assert.That(() => Schedule.Parse("# SimLoop schedule 2\n" + body),
            Throws.TypeOf<FormatException>().With.Message.StartsWith(message));
    }

    [Test]
    public void Parse_CommentsAndBlankLinesAfterTheEndLine_AreAllowed()
    {
        Schedule parsed = Schedule.Parse("# SimLoop schedule 2\nready 2 0/2\nend 1\n\n# kept from run 7\n");
        Assert.That(parsed.Choices, Is.EqualTo(new[] { new ScheduleChoice(2, ScheduleChoiceKind.ReadyItem, 0, 2) }));
    }

    [TestCase("ready 2 0/2\nend 1\n")]
    [TestCase("# a schedule\n# SimLoop schedule 2\nend 0\n")]
    [TestCase("\n# SimLoop schedule 2\nend 0\n")]
    [TestCase("# SimLoop schedule\nend 0\n")]
    [TestCase("")]
    public void Parse_NoVersionHeaderOnTheFirstLine_ThrowsNamingLine1(string text)
    {
        Assert.That(() => Schedule.Parse(text), Throws.TypeOf<FormatException>()
            .With.Message.StartsWith("line 1: expected the header '# SimLoop schedule 2'"));
    }

    [TestCase("3")]
    [TestCase("0")]
    [TestCase("two")]
    [TestCase("-1")]
    public void Parse_UnknownVersion_ThrowsNamingLine1AndTheVersion(string version)
    {
        Assert.That(() => Schedule.Parse($"# SimLoop schedule {version}\nend 0\n"), Throws.TypeOf<FormatException>()
            .With.Message.StartsWith($"line 1: schedule format version '{version}' is not one this SimLoop reads (1 to 2)"));
    }

    [Test]
    public void Parse_Version1AsSimLoopWroteIt_ReadsItsChoices()
    {
        Schedule parsed = Schedule.Parse(Version1);
        Assert.That(parsed.Choices, Is.EqualTo(new ScheduleChoice[]
        {
            new(2, ScheduleChoiceKind.ReadyItem, 0, 2), new(4, ScheduleChoiceKind.ReadyItem, 1, 2),
            new(4, ScheduleChoiceKind.Random, 9123456789, 0),
        }));
    }

    [Test]
    public void Parse_Version1_EveryTruncation_ThrowsFormatException()
    {
        using (Assert.EnterMultipleScope())
        {
            for (int length = 0; length < Version1.Length; length++)
            {
                string prefix = Version1[..length];
                Assert.That(() => Schedule.Parse(prefix), Throws.TypeOf<FormatException>().With.Message.Match(@"^line \d+: "),
                    $"cut after {length} characters: '{prefix}'");
            }
        }
    }

    [TestCase("# SimLoop schedule 1\nready 2 0/2\n", "line 2: a version 1 schedule must have its '# seed")]
    [TestCase("# SimLoop schedule 1\n# seed 0 strategy Fifo, 1 choices\nready 2 0/2\nend 1\n", "line 4: expected 'ready")]
    public void Parse_Version1WithoutItsCountOrWithAnEndLine_Throws(string text, string message)
    {
        Assert.That(() => Schedule.Parse(text), Throws.TypeOf<FormatException>().With.Message.StartsWith(message));
    }

    [Test]
    public void Load_TruncatedFile_ThrowsNamingTheFileAndTheLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"simloop-schedule-{Guid.NewGuid():N}.txt");
        try
        {
            EndsWithADraw.Save(path);
            string saved = File.ReadAllText(path);
            File.WriteAllText(path, saved[..saved.IndexOf("5807", StringComparison.Ordinal)]);

            Assert.That(() => Schedule.Load(path), Throws.TypeOf<FormatException>()
                .With.Message.StartsWith($"{path}: line 5: the schedule ends without its 'end <count>' line"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void SaveAndLoad_NullOrEmptyPath_ThrowNamingThePath()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => Schedule.Load(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("path"));
            Assert.That(() => Schedule.Load(string.Empty), Throws.ArgumentException.With.Property("ParamName").EqualTo("path"));
            Assert.That(() => EndsWithADraw.Save(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("path"));
            Assert.That(() => EndsWithADraw.Save(string.Empty), Throws.ArgumentException.With.Property("ParamName").EqualTo("path"));
            Assert.That(() => Schedule.Parse(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("text"));
        }
    }
}
