using System.Text;
using Microsoft.Extensions.Logging;

namespace SimLoop.Examples.Cli;

// The TextWriter a note prints to: it keeps whole lines, each stamped with how many trace entries the run had
// recorded when the line ended. A note's lines end in "\n" whatever the platform, as CPython's .out files do.
// Given a logger (for --timeline), it also logs each line, so the timeline shows it where it was printed.
internal sealed class NoteOutput : TextWriter
{
    private readonly Simulation _sim;
    private readonly StringBuilder _line = new();
    private readonly List<OutputLine> _lines = [];
    private readonly ILogger? _printed;

    public NoteOutput(Simulation sim, ILogger? printed = null)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _sim = sim;
        _printed = printed;
        CoreNewLine = ['\n'];
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Gets the lines printed so far; a last line without its newline counts as a line.</summary>
    public IReadOnlyList<OutputLine> Lines
    {
        get
        {
            if (_line.Length > 0)
            {
                EndLine();
            }

            return _lines;
        }
    }

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (char c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    private void EndLine()
    {
        string text = _line.ToString();
        _lines.Add(new OutputLine(text, _sim.Trace.TotalCount));
        _printed?.Log(LogLevel.Information, default, text, null, static (line, _) => line);
        _line.Clear();
    }
}
