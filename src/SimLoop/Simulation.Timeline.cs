using System;
using System.IO;

namespace SimLoop;

public sealed partial class Simulation
{
    /// <summary>Writes a picture of the run to a self-contained HTML file: a lane per task over virtual time, with its
    /// steps, suspensions, spawns, cancellations and their causes, log lines and the failure.</summary>
    /// <param name="path">The file to write (overwritten if it exists); ".html" is the usual extension.</param>
    /// <param name="failure">The exception the run failed with, marked in the picture; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The simulation is running: write the timeline after <c>Run</c> returns
    /// or throws.</exception>
    /// <remarks>See <see cref="WriteTimeline(TextWriter, Exception)"/> for what the picture shows.</remarks>
    public void WriteTimeline(string path, Exception? failure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckNotRunning();
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        WriteTimeline(writer, failure);
    }

    /// <summary>Writes a picture of the run as a self-contained HTML document: a lane per task over virtual time, with
    /// its steps, suspensions, spawns, cancellations and their causes, log lines and the failure.</summary>
    /// <param name="writer">Where the HTML goes.</param>
    /// <param name="failure">The exception the run failed with, marked in the picture; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The simulation is running: write the timeline after <c>Run</c> returns
    /// or throws.</exception>
    /// <remarks>
    /// <para>The page is one inline SVG and text, with no script and no reference to anything outside the file. Left to
    /// right, every step has a column of its own in step order (so many steps at one instant stay apart), and a gap
    /// labelled with the virtual time that passed separates instants. Each task's lane shows its steps, a bar for each
    /// suspension between two of its steps, and how it finished; edges go from a task to each task it spawned, and from
    /// a task to each task it asked to cancel, labelled with the <see cref="CancellationCause"/> (who, when, why; the
    /// full chain is listed under the picture).</para>
    /// <para>It is drawn from <see cref="Trace"/>, so it shows the kept entries only
    /// (<see cref="SimulationOptions.TraceCapacity"/>; at most the last 1,500 steps are drawn). Log lines appear when
    /// the run had <see cref="SimulationOptions.CaptureLogs"/> set.</para>
    /// </remarks>
    public void WriteTimeline(TextWriter writer, Exception? failure = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CheckNotRunning();
        var run = new TimelineRun(Seed, Options.Strategy, Steps, Elapsed, Trace, LogCapture);
        TimelineHtml.Write(Timeline.Build(run, failure), failure, writer);
    }

    private void CheckNotRunning()
    {
        if (_state == RunState.Running)
        {
            throw new InvalidOperationException(
                "The timeline of a simulation is written after its run: call WriteTimeline once Run has returned or thrown.");
        }
    }
}
