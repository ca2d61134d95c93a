using System.IO;
using System.Linq;

namespace SimLoop;

// The timeline as one self-contained HTML page: a summary of the run, the failure if one was given, a key to the marks,
// the SVG picture, then the cancellation causes in full and the log lines, as text. No script, no stylesheet or font
// from elsewhere: the file opens anywhere, offline, and reads the same in a CI artifact years later.
internal static class TimelineHtml
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:16px;color:#222}h1{font-size:20px;margin:0 0 4px}" +
        "h2{font-size:16px;margin:20px 0 6px}.run{color:#444;margin:0 0 8px}.failure{background:#fdecea;" +
        "border-left:5px solid #c62828;padding:8px 12px;margin:8px 0;white-space:pre-wrap;font-family:monospace}" +
        ".key span{display:inline-block;margin-right:14px}.key b{display:inline-block;min-width:14px;color:#fff;" +
        "text-align:center;border-radius:2px;margin-right:4px;font-size:11px}.picture{overflow-x:auto;border:1px solid #ddd}" +
        "table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #eee;padding:2px 8px;text-align:left;" +
        "vertical-align:top}td.text{font-family:monospace;white-space:pre-wrap}ol{font-family:monospace;font-size:13px}";

    public static void Write(Timeline timeline, System.Exception? failure, TextWriter output)
    {
        TimelineRun sim = timeline.Run;
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>SimLoop timeline, seed " +
            $"{sim.Seed}</title><style>{Style}</style></head><body>");
        output.WriteLine($"<h1>SimLoop timeline</h1><p class=\"run\">seed {sim.Seed}, strategy {sim.Strategy}: " +
            $"{Markup.Int(sim.Steps)} steps, {Markup.Escape(TimeFormat.Instant(sim.Elapsed))} of virtual time, " +
            $"fingerprint {Markup.Escape(sim.Trace.Fingerprint)}" +
            (timeline.HiddenSteps > 0 ? $"; the first {Markup.Int(timeline.HiddenSteps)} steps are not shown" : "") +
            "</p>");
        if (failure is not null)
        {
            output.WriteLine($"<div class=\"failure\">The run failed: {Markup.Escape(failure.GetType().FullName)}: " +
                $"{Markup.Escape(failure.Message)}</div>");
        }

        WriteKey(output);
        output.WriteLine("<div class=\"picture\">");
        new TimelineSvg(timeline, output).Write();
        output.WriteLine("</div>");
        WriteCancellations(timeline, output);
        WriteLogs(timeline, output);
        output.WriteLine("</body></html>");
    }

    private static void WriteKey(TextWriter output)
    {
        output.WriteLine("<p class=\"key\">A lane per task; left to right, every step in order, and a shaded gap where " +
            "virtual time moves (its width grows with the time passed, written on top). Steps: " +
            "<span><b style=\"background:#2a8a46\">S</b>task started</span><span><b style=\"background:#2f6db5\">C</b>" +
            "an await resumed</span><span><b style=\"background:#c77d12\">T</b>a timer fired</span>" +
            "<span><b style=\"background:#c62828\">X</b>a cancellation delivered</span><span><b style=\"background:#616161\">" +
            "A</b>a sim.At action</span><span><b style=\"background:#00838f\">Q</b>a queued Task</span>" +
            "<span><b style=\"background:#6a3fa0\">P</b>thread-pool work</span>. Bars: the task is suspended " +
            "(<span><b style=\"background:#f2c879\">&#160;</b>until its timer</span><span><b style=\"background:#a9c8ec\">" +
            "&#160;</b>until what it awaits completes</span><span><b style=\"background:#f2a7a7\">&#160;</b>until a " +
            "cancellation</span>). Edges: green dashed, a spawn; red, a cancellation, labelled with who asked, when and " +
            "why. Purple diamonds: log lines (numbered as below). Hover any mark for its details.</p>");
    }

    private static void WriteCancellations(Timeline timeline, TextWriter output)
    {
        if (timeline.Cancellations.Count == 0)
        {
            return;
        }

        output.WriteLine("<h2>Cancellations, with the causes they came from (after &lt;-)</h2><ol>");
        foreach (TimelineCancellation cancellation in timeline.Cancellations)
        {
            string delivered = cancellation.DeliveryStep is { } step ? $" (requested in step #{cancellation.RequestStep}," +
                $" delivered in step #{step})" : $" (requested in step #{cancellation.RequestStep}, never delivered)";
            output.WriteLine($"<li>{Markup.Escape(cancellation.Cause.ToString())}{Markup.Escape(delivered)}</li>");
        }

        output.WriteLine("</ol>");
    }

    private static void WriteLogs(Timeline timeline, TextWriter output)
    {
        if (timeline.Run.Logs is not { } capture)
        {
            output.WriteLine("<p class=\"run\">Log lines are not shown: set SimulationOptions.CaptureLogs to keep them.</p>");
            return;
        }

        long dropped = capture.TotalCount - timeline.Logs.Count;
        output.WriteLine($"<h2>Log lines ({timeline.Logs.Count}" +
            (dropped > 0 ? $"; {Markup.Int(dropped)} earlier lines not shown" : "") + ")</h2>");
        output.WriteLine("<table><tr><th>#</th><th>virtual time</th><th>step</th><th>task</th><th>level</th>" +
            "<th>category</th><th>message</th></tr>");
        foreach ((CapturedLog line, int number) in timeline.Logs.Select((l, i) => (l, i + 1)))
        {
            string message = line.Message + (line.Exception is null ? "" : "\n" + line.Exception);
            output.WriteLine($"<tr><td>{number}</td><td>{Markup.Escape(TimeFormat.Instant(line.Elapsed))}</td>" +
                $"<td>#{Markup.Int(line.Step)}</td><td>{Markup.Escape(line.Task?.Name ?? "-")}</td><td>{line.Level}</td>" +
                $"<td>{Markup.Escape(line.Category)}</td><td class=\"text\">{EscapeKeepingLines(message)}</td></tr>");
        }

        output.WriteLine("</table>");
    }

    private static string EscapeKeepingLines(string text) =>
        string.Join("<br/>", text.Split('\n').Select(Markup.Escape));
}
