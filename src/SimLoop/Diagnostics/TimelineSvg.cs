using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SimLoop;

// Draws a Timeline as one SVG: the axis on top, then a band per task with its life line, its suspensions (bars from
// one step of the task to its next) and its steps (marks lettered by kind, so they read without colour); the edges,
// log marks and failure come from TimelineEdges. Every mark has a <title> with its details for hovering, but the
// picture reads without them. Elements carry class and data-* attributes naming their tasks, for tools and tests.
internal sealed partial class TimelineSvg
{
    public const double LabelWidth = 210;
    public const double AxisHeight = 66;
    public const double LaneHeight = 76;
    private const double RightMargin = 520;
    private const double MarkSize = 14;

    private readonly Timeline _timeline;
    private readonly TextWriter _out;
    private readonly TimelineAxis _axis;

    public TimelineSvg(Timeline timeline, TextWriter output)
    {
        _timeline = timeline;
        _out = output;
        _axis = new TimelineAxis(timeline.Instants, LabelWidth);
    }

    public void Write()
    {
        double width = LabelWidth + _axis.Width + RightMargin;
        double height = AxisHeight + Math.Max(1, _timeline.Lanes.Count) * LaneHeight + 10;
        // Inline in HTML an <svg> needs no xmlns: without it the file holds no URL at all, and still parses as XML.
        _out.WriteLine($"<svg id=\"timeline\" width=\"{Markup.Number(width)}\" " +
            $"height=\"{Markup.Number(height)}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        WriteDefinitions();
        WriteBands(width);
        WriteAxis(height);
        foreach (TimelineLane lane in _timeline.Lanes)
        {
            WriteLane(lane, width);
        }

        WriteSpawns();
        WriteCancellations();
        WriteLogs();
        WriteFailure(height);
        _out.WriteLine("</svg>");
    }

    private double Y(int taskId) => AxisHeight + (_timeline.LaneOf(taskId).Index + 0.5) * LaneHeight;

    private void WriteDefinitions()
    {
        _out.WriteLine("<defs>");
        foreach ((string id, string colour) in new[] { ("spawn", "#2a8a46"), ("cancel", "#c62828") })
        {
            _out.WriteLine($"<marker id=\"arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" " +
                $"markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>");
        }

        _out.WriteLine("</defs>");
    }

    private void WriteBands(double width)
    {
        foreach (TimelineLane lane in _timeline.Lanes)
        {
            string fill = lane.Index % 2 == 0 ? "#f6f7f9" : "#ffffff";
            _out.WriteLine($"<rect x=\"0\" y=\"{Markup.Number(AxisHeight + lane.Index * LaneHeight)}\" width=\"" +
                $"{Markup.Number(width)}\" height=\"{Markup.Number(LaneHeight)}\" fill=\"{fill}\"/>");
        }
    }

    private void WriteAxis(double height)
    {
        _out.WriteLine("<g class=\"axis\">");
        _out.WriteLine($"<text x=\"8\" y=\"18\" font-weight=\"bold\">virtual time</text>" +
            $"<text x=\"8\" y=\"36\" fill=\"#666\">time passing</text><text x=\"8\" y=\"56\" fill=\"#666\">step</text>");
        foreach ((double left, double gapWidth, TimeSpan passed) in _axis.Gaps)
        {
            _out.WriteLine($"<rect x=\"{Markup.Number(left + 4)}\" y=\"26\" width=\"{Markup.Number(gapWidth - 8)}\" " +
                $"height=\"{Markup.Number(height - 30)}\" fill=\"#e9edf2\" opacity=\"0.7\"/>" +
                $"<text x=\"{Markup.Number(left + gapWidth / 2)}\" y=\"40\" text-anchor=\"middle\" fill=\"#555\">" +
                $"+{Markup.Escape(TimeFormat.Duration(passed))}</text>");
        }

        foreach ((double x, TimeSpan elapsed) in _axis.Times)
        {
            _out.WriteLine($"<line x1=\"{Markup.Number(x - TimelineAxis.ColumnWidth / 2)}\" y1=\"22\" " +
                $"x2=\"{Markup.Number(x - TimelineAxis.ColumnWidth / 2)}\" y2=\"{Markup.Number(height)}\" stroke=\"#9aa5b1\" " +
                $"stroke-dasharray=\"2,3\"/><text x=\"{Markup.Number(x - TimelineAxis.ColumnWidth / 2 + 3)}\" y=\"18\" " +
                $"font-weight=\"bold\">{Markup.Escape(TimeFormat.Instant(elapsed))}</text>");
        }

        foreach ((double x, long step) in _axis.Columns)
        {
            _out.WriteLine($"<text x=\"{Markup.Number(x)}\" y=\"58\" text-anchor=\"middle\" font-size=\"10\" " +
                $"fill=\"#555\">{(step == 0 ? "before" : "#" + Markup.Int(step))}</text>");
        }

        _out.WriteLine("</g>");
    }

    private void WriteLane(TimelineLane lane, double width)
    {
        double y = Y(lane.TaskId);
        string name = Markup.Escape(lane.Name);
        _out.WriteLine($"<g class=\"lane\" data-task=\"{name}\" data-task-id=\"{lane.TaskId}\">");
        _out.WriteLine($"<title>{Markup.Escape(LaneTitle(lane))}</title>");
        _out.WriteLine($"<text x=\"8\" y=\"{Markup.Number(y - 4)}\" font-weight=\"bold\" font-size=\"14\">" +
            $"{Markup.Escape(Markup.Cut(lane.Name, 24))}</text>");
        string subtitle = (lane.TaskId == 0 ? "timers, sim.At, outside" : "task " + Markup.Int(lane.TaskId)) +
            (lane.Outcome is null ? string.Empty : " \u00b7 " + lane.Outcome);
        _out.WriteLine($"<text x=\"8\" y=\"{Markup.Number(y + 13)}\" fill=\"#555\" font-size=\"11\">" +
            $"{Markup.Escape(Markup.Cut(subtitle, 34))}</text>");
        double start = _axis.X(lane.FirstStep);
        double end = lane.FinishStep is { } finish ? _axis.X(finish) : width - RightMargin + 20;
        _out.WriteLine($"<line x1=\"{Markup.Number(start)}\" y1=\"{Markup.Number(y)}\" x2=\"{Markup.Number(end)}\" " +
            $"y2=\"{Markup.Number(y)}\" stroke=\"#b8c0c8\" stroke-width=\"2\"/>");
        List<TimelineStep> steps = [.. _timeline.Steps.Where(s => s.TaskId == lane.TaskId)];
        if (lane.TaskId != 0)
        {
            WriteSuspensions(lane, steps, y, end);
        }

        foreach (TimelineStep step in steps)
        {
            WriteStep(step, y);
        }

        if (lane.FinishStep is { } finished)
        {
            WriteFinish(lane, _axis.X(finished), y);
        }

        _out.WriteLine("</g>");
    }

    private static string LaneTitle(TimelineLane lane) => lane.TaskId == 0
        ? "steps and requests that belong to no task: timers, sim.At actions, calls from outside the run"
        : $"task {lane.TaskId} '{lane.Name}'" + (lane.Outcome is null ? ", not finished" : ": " + lane.Outcome);
}
