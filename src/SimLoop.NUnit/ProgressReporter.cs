using System;
using System.Globalization;
using System.IO;

namespace SimLoop;

// Progress of a long seed run, as plain lines a CI log reads well: no carriage returns or escape codes, whatever
// the output is connected to, and at most one line per interval. Seeds per second need a real clock, which src/
// bans for simulated code; it comes in as a TimeProvider (TimeProvider.System in production, a fake in tests),
// so this file is the one place the runner looks at wall time.
internal sealed class ProgressReporter
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly TimeProvider _clock;
    private readonly string _name;
    private readonly int _total;
    private readonly TimeSpan _interval;
    private readonly long _started;
    private long _lastLine;
    private int _carriedDone;
    private int _carriedFailed;

    public ProgressReporter(TextWriter writer, TimeProvider clock, string name, int total, TimeSpan interval)
    {
        _writer = writer;
        _clock = clock;
        _name = name;
        _total = total;
        _interval = interval;
        _started = clock.GetTimestamp();
        _lastLine = _started;
    }

    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>Counts <paramref name="done"/> seeds (<paramref name="failed"/> failed) of earlier blocks before
    /// those each later <see cref="Tick"/> reports, for a run made of blocks.</summary>
    public void Carry(int done, int failed)
    {
        _carriedDone = done;
        _carriedFailed = failed;
    }

    /// <summary>Writes a progress line if an interval has passed since the last one.</summary>
    public void Tick(int done, int failed)
    {
        done += _carriedDone;
        failed += _carriedFailed;
        long now = _clock.GetTimestamp();
        if (done >= _total || _clock.GetElapsedTime(_lastLine, now) < _interval)
        {
            return;
        }

        _lastLine = now;
        _writer.WriteLine(Line(done, failed, _clock.GetElapsedTime(_started, now)));
    }

    /// <summary>For example "SimLoop TransferTests.Move: 4000/10000 seeds, 1 failed, 8123 seeds/s".</summary>
    public string Line(int done, int failed, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"SimLoop {_name}: {done}/{_total} seeds, {failed} failed, {Rate(done, elapsed)} seeds/s");

    public static string Rate(long done, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? "-" : (done / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
}
