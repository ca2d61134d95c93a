using System.Text;

namespace SimLoop.Benchmarks.Workloads;

// A TextWriter that checks each line a note prints against the note's golden output as it is written, so a
// benchmark run is checked without building the output text. Anything but WriteLine(string) counts as a mismatch.
internal sealed class LineCheck : TextWriter
{
    private readonly string[] _expected;
    private int _index;
    private bool _mismatch;

    public LineCheck(string[] expected)
    {
        _expected = expected;
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Gets whether every expected line was written, in order, and nothing else.</summary>
    public bool Matched => !_mismatch && _index == _expected.Length;

    public override void WriteLine(string? value)
    {
        if (_index >= _expected.Length || !string.Equals(value, _expected[_index], StringComparison.Ordinal))
        {
            _mismatch = true;
        }

        _index++;
    }

    public override void Write(char value) => _mismatch = true;
}
