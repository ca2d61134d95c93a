using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// What exploring one note over many seeds found: its distinct outputs and distinct fingerprints, each with the
// seeds that produced it, in the order they first appeared; and the Fifo output they are compared with.
internal sealed class Exploration(Note note, ScheduleStrategy strategy, IReadOnlyList<string> fifo)
{
    private readonly List<(IReadOnlyList<string> Lines, List<long> Seeds)> _outputs = [];
    private readonly List<(string Fingerprint, List<long> Seeds)> _fingerprints = [];
    private readonly List<(long Seed, string Error)> _failures = [];

    public Note Note { get; } = note;

    public ScheduleStrategy Strategy { get; } = strategy;

    public IReadOnlyList<string> Fifo { get; } = fifo;

    public int Runs { get; private set; }

    public IReadOnlyList<(IReadOnlyList<string> Lines, List<long> Seeds)> Outputs => _outputs;

    public IReadOnlyList<(string Fingerprint, List<long> Seeds)> Fingerprints => _fingerprints;

    public IReadOnlyList<(long Seed, string Error)> Failures => _failures;

    public void Add(NoteRun run)
    {
        long seed = run.Options.Seed;
        Runs++;
        IReadOnlyList<string> lines = run.Texts;
        int output = _outputs.FindIndex(o => o.Lines.SequenceEqual(lines));
        if (output < 0)
        {
            _outputs.Add((lines, []));
            output = _outputs.Count - 1;
        }

        _outputs[output].Seeds.Add(seed);
        int fingerprint = _fingerprints.FindIndex(f => f.Fingerprint == run.Fingerprint);
        if (fingerprint < 0)
        {
            _fingerprints.Add((run.Fingerprint, []));
            fingerprint = _fingerprints.Count - 1;
        }

        _fingerprints[fingerprint].Seeds.Add(seed);
        if (run.Failure is { } failure)
        {
            _failures.Add((seed, $"{failure.GetType().Name}: {failure.Message}"));
        }
    }
}
