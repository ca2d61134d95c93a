using SimLoop.Examples.Notes;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// Each note, run directly under Fifo, prints its .out golden file's lines; the golden files in the repository are
// CPython 3.11's own, byte for byte, whenever the notes' reference folder is there to compare with, except
// request_chain's, which is SimLoop's output of the chain as three ASP.NET Core services.
[TestFixture]
public sealed class NotesTests
{
    private const string ReferenceFolder = "../shared/reference/asyncio";
    private const string SimLoopsOwnReference = "request_chain";

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Note_UnderFifo_PrintsTheGoldenLinesInOrder(string name)
    {
        (string text, _) = RunNote(name);

        Assert.That(Lines(text), Is.EqualTo(GoldenLines(name)).AsCollection);
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Note_UnderFifo_PrintsTheGoldenFileByteForByte(string name)
    {
        (string text, _) = RunNote(name);

        Assert.That(System.Text.Encoding.UTF8.GetBytes(text), Is.EqualTo(File.ReadAllBytes(GoldenPath(name))));
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void Note_SameOptionsTwice_SameOutputAndFingerprint(string name)
    {
        var options = new SimulationOptions { Seed = 7, Strategy = ScheduleStrategy.Random };

        (string first, Simulation firstSim) = RunNote(name, options);
        (string second, Simulation secondSim) = RunNote(name, options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(secondSim.Trace.Fingerprint, Is.EqualTo(firstSim.Trace.Fingerprint));
        }
    }

    [Test]
    public void GetHtmlInterrupted_UnderRandomSeeds_SomeOutputDiffersFromGolden()
    {
        // The cancelled tasks' finally blocks race: some schedule must print them in the other order.
        string[] golden = GoldenLines("get_html_interrupted");

        bool anyDiffers = Enumerable.Range(0, 50).Any(seed =>
            !Lines(RunNote("get_html_interrupted", Random(seed)).Text).SequenceEqual(golden));

        Assert.That(anyDiffers, Is.True);
    }

    [Test]
    public void CancelMe_UnderRandomSeeds_NeverDiffersFromGolden()
    {
        // Nothing races in cancel_me: every schedule prints CPython's lines.
        string[] golden = GoldenLines("cancel_me");

        string[] differing = [.. Enumerable.Range(0, 50)
            .Select(seed => RunNote("cancel_me", Random(seed)).Text)
            .Where(text => !Lines(text).SequenceEqual(golden))];

        Assert.That(differing, Is.Empty);
    }

    [Test]
    public void GoldenFiles_InTheRepository_OneForEveryNoteAndNoOther()
    {
        DirectoryInfo notes = new(Path.Combine(RepositoryRoot().FullName, "src", "SimLoop.Examples", "Notes"));

        string[] goldenNames = [.. notes.GetFiles("*.out").Select(f => Path.GetFileNameWithoutExtension(f.Name))];

        Assert.That(goldenNames, Is.EquivalentTo(Note.Names));
    }

    [Test]
    public void GoldenFiles_WhenTheReferenceFolderExists_AreByteIdenticalToCPythonsOutput_ButRequestChains()
    {
        DirectoryInfo root = RepositoryRoot();
        string reference = Path.GetFullPath(Path.Combine(root.FullName, ReferenceFolder));
        if (!Directory.Exists(reference))
        {
            Assert.Ignore($"{reference} is not here (a clone without the notes' reference folder): " +
                "nothing to compare.");
        }

        string[] referenceNames = [.. Directory.GetFiles(reference, "*.out").Select(Path.GetFileNameWithoutExtension)!];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(referenceNames, Is.EquivalentTo(Note.Names), "the reference's .out files and the notes");
            // request_chain runs three ASP.NET Core services, which CPython's asyncio program only imitates in one
            // process: its .out is SimLoop's own output, checked by the tests above and in SimLoop.AspNetCore.Tests.
            foreach (string name in referenceNames.Where(n => n != SimLoopsOwnReference))
            {
                string golden = Path.Combine(root.FullName, "src", "SimLoop.Examples", "Notes", name + ".out");
                byte[] cpython = File.ReadAllBytes(Path.Combine(reference, name + ".out"));
                Assert.That(File.ReadAllBytes(golden), Is.EqualTo(cpython), $"{golden} differs from CPython's");
            }
        }
    }

    [TestCaseSource(typeof(ExamplesHarness), nameof(NoteNames))]
    public void GoldenFile_CopiedNextToTheTests_EqualsTheRepositorysFile(string name)
    {
        string golden = Path.Combine(RepositoryRoot().FullName, "src", "SimLoop.Examples", "Notes", name + ".out");

        Assert.That(File.ReadAllBytes(GoldenPath(name)), Is.EqualTo(File.ReadAllBytes(golden)));
    }

    [Test]
    public void Find_KnownAndUnknownNames_ReturnsTheNoteOrNull()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Note.Find("cancel_me")?.Name, Is.EqualTo("cancel_me"));
            Assert.That(Note.Find("Cancel_Me"), Is.Null);
            Assert.That(Note.Find("cancel_me.py"), Is.Null);
        }
    }

    private static SimulationOptions Random(int seed) => new() { Seed = seed, Strategy = ScheduleStrategy.Random };
}
