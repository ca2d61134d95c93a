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

        // SimLoop.FsCheck's replay line pins the run (seed and strategy); FsCheck's replay value pins the rest.
        text.Append("\n  Replay: ").Append(SimProperty.ReplayLine(_case))
            .Append("\n  Replay with this exact generated input: FsCheck's \"Last step was invoked with size of N and seed of ")
            .Append("(S,G)\" as [SimulationProperty(Replay = \"S,G,N\")], with the SIMLOOP_* variables unset.");
        throw new LawViolationException(text.ToString());
    }

    private static string At<T>(IReadOnlyList<T> items, int index) =>
        index < items.Count ? items[index]?.ToString() ?? "null" : "(nothing)";
}
