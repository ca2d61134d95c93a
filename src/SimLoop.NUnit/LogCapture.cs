using System.Collections.Generic;

namespace SimLoop;

// The log lines of one re-run of a failing seed, kept in memory for its report: the last LinesMax of them, since a
// report is read by a person and the end of a run is where it failed. Made only when a seed has failed, so passing
// seeds never log; Factory is the re-run's SimulationOptions.LoggerFactory.
internal sealed class LogCapture
{
    public const int LinesMax = 100;

    private readonly Queue<string> _lines = new();

    public LogCapture()
    {
        Factory = new LineLoggerFactory(Add);
    }

    public LineLoggerFactory Factory { get; }

    /// <summary>Gets how many lines were logged in all, including those no longer kept.</summary>
    public long Total { get; private set; }

    public IReadOnlyCollection<string> Lines => _lines;

    // The re-run is one simulation on one thread, but work that escaped to the pool may log before the run fails.
    private void Add(string line)
    {
        lock (_lines)
        {
            Total++;
            _lines.Enqueue(line);
            if (_lines.Count > LinesMax)
            {
                _lines.Dequeue();
            }
        }
    }
}
