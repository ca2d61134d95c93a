using System.Text;

namespace SimLoop.Properties;

// Collects every violated expectation of one generated case and reports them together. It throws a plain
// exception rather than using NUnit's Assert: FsCheck runs a property many times while it shrinks, and NUnit
// would keep the failures of every discarded, larger case in the test's result.
internal sealed class Verdict
{
    private readonly string _law;
    private readonly SimCase _case;
    private readonly List<string> _violations = [];

    public Verdict(string law, SimCase simCase)
    {
        _law = law;
        _case = simCase;
    }

    public void Expect(bool holds, string what)
    {
        if (!holds)
        {
            _violations.Add(what);
        }
    }

    public void ExpectEqual<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _violations.Add($"{what}: expected {expected}, but was {actual}");
        }
    }

    /// <summary>Reports the first index where the sequences differ, and both sequences in full.</summary>
    public void ExpectSequence<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
    {
        int common = Math.Min(expected.Count, actual.Count);
        int first = 0;
        while (first < common && EqualityComparer<T>.Default.Equals(expected[first], actual[first]))
        {
            first++;
        }

        if (first == common && expected.Count == actual.Count)
        {
            return;
        }

        _violations.Add($"{what}: first difference at index {first} " +
            $"(expected {At(expected, first)}, but was {At(actual, first)})\n" +
            $"    expected: {string.Join(", ", expected)}\n    actual:   {string.Join(", ", actual)}");
    }

    /// <summary>Records an exception the run threw where the law expects none.</summary>
    public void Unexpected(Exception exception) =>
        _violations.Add($"the run threw {exception.GetType().Name}: {exception.Message}");

    public void ThrowIfViolated()
    {
        if (_violations.Count == 0)
        {
            return;
        }

        var text = new StringBuilder()
            .Append(_law).Append(" violated (").Append(_case).Append("):");
        foreach (string violation in _violations)
        {
            text.Append("\n  - ").Append(violation);
        }

        // SimLoop's line pins the run (seed, strategy) and FsCheck generates the rest afresh; FsCheck's own value
        // (above this message: "Replay directly at failing step with (S,G,N)", or "Last step was invoked with size
        // of N and seed of (S,G)") regenerates this exact input, run included, then shrinks it the same way.
        text.Append("\n  Replay: ").Append(SimProperty.ReplayLine(_case))
            .Append("\n  Replay this exact input: [SimulationProperty(Replay = \"S,G,N\")] with FsCheck's failing step ")
            .Append("(S,G) and size N, and SIMLOOP_SEED and SIMLOOP_STRATEGY unset.");
        throw new LawViolationException(text.ToString());
    }

    private static string At<T>(IReadOnlyList<T> items, int index) =>
        index < items.Count ? items[index]?.ToString() ?? "null" : "(nothing)";
}
