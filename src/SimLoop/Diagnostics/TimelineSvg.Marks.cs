using System;
using System.Collections.Generic;

namespace SimLoop;

// A lane's own marks: a bar for each time the task was suspended between two of its steps (what resumed it gives the
// bar its colour and title), a lettered mark per step, and a dot where the task finished, coloured by its outcome.
internal sealed partial class TimelineSvg
{
    private void WriteSuspensions(TimelineLane lane, List<TimelineStep> steps, double y, double end)
    {
        for (int i = 0; i + 1 < steps.Count; i++)
        {
            TimelineStep from = steps[i];
            TimelineStep to = steps[i + 1];
            (string colour, string resumedBy) = to.Kind switch
            {
                TraceEventKind.TimerFired => ("#f2c879", "its timer fired (a delay or timeout ended)"),
                TraceEventKind.CancellationDelivered => ("#f2a7a7", "a cancellation was delivered"),
                _ => ("#a9c8ec", "what it awaited completed (" + to.Kind + ")"),
            };
            string title = $"'{lane.Name}' suspended from step #{from.Step} at {TimeFormat.Instant(from.Elapsed)} " +
                $"until step #{to.Step} at {TimeFormat.Instant(to.Elapsed)}: {resumedBy}";
            WriteBar(_axis.X(from.Step), _axis.X(to.Step), y, colour, to.Elapsed - from.Elapsed, title);
        }

        if (lane.FinishStep is null && steps.Count > 0)
        {
            TimelineStep last = steps[^1];
            WriteBar(_axis.X(last.Step), end, y, "#d5d9de", TimeSpan.Zero,
                $"'{lane.Name}' still waiting when the run ended (since step #{last.Step})");
        }
    }

    private void WriteBar(double fromX, double toX, double y, string colour, TimeSpan waited, string title)
    {
        double left = fromX + MarkSize / 2 + 2;
        double right = toX - MarkSize / 2 - 2;
        if (right - left < 3)
        {
            return;
        }

        _out.Write($"<g class=\"suspension\"><title>{Markup.Escape(title)}</title>" +
            $"<rect x=\"{Markup.Number(left)}\" y=\"{Markup.Number(y - 5)}\" width=\"{Markup.Number(right - left)}\" " +
            $"height=\"10\" rx=\"3\" fill=\"{colour}\"/>");
        string label = waited > TimeSpan.Zero ? "waits " + TimeFormat.Duration(waited) : string.Empty;
        if (label.Length > 0 && right - left > label.Length * 6.2)
        {
            _out.Write($"<text x=\"{Markup.Number((left + right) / 2)}\" y=\"{Markup.Number(y + 4)}\" " +
                $"text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">{Markup.Escape(label)}</text>");
        }

        _out.WriteLine("</g>");
    }

    private void WriteStep(TimelineStep step, double y)
    {
        (string colour, string letter) = step.Kind switch
        {
            TraceEventKind.TaskStarted => ("#2a8a46", "S"),
            TraceEventKind.Continuation => ("#2f6db5", "C"),
            TraceEventKind.TimerFired => ("#c77d12", "T"),
            TraceEventKind.CancellationDelivered => ("#c62828", "X"),
            TraceEventKind.ActionRun => ("#616161", "A"),
            TraceEventKind.QueuedTask => ("#00838f", "Q"),
            TraceEventKind.ThreadPoolWork => ("#6a3fa0", "P"),
            _ => ("#616161", "?"),
        };
        double x = _axis.X(step.Step);
        string choice = step.Candidates > 1 ? $" (chose {step.Choice + 1} of {step.Candidates})" : string.Empty;
        string task = step.TaskId == 0 ? "no task" : "'" + _timeline.LaneOf(step.TaskId).Name + "'";
        string title = $"step #{step.Step} at {TimeFormat.Instant(step.Elapsed)}, {task}: {step.Kind}{choice}";
        _out.WriteLine($"<g class=\"step\" data-step=\"{Markup.Int(step.Step)}\" data-kind=\"{step.Kind}\">" +
            $"<title>{Markup.Escape(title)}</title><rect x=\"{Markup.Number(x - MarkSize / 2)}\" " +
            $"y=\"{Markup.Number(y - MarkSize / 2)}\" width=\"{MarkSize}\" height=\"{MarkSize}\" rx=\"2\" fill=\"{colour}\"/>" +
            $"<text x=\"{Markup.Number(x)}\" y=\"{Markup.Number(y + 4)}\" text-anchor=\"middle\" font-size=\"10\" " +
            $"font-weight=\"bold\" fill=\"#fff\">{letter}</text></g>");
    }

    private void WriteFinish(TimelineLane lane, double x, double y)
    {
        string outcome = lane.Outcome ?? "finished";
        string colour = outcome.StartsWith("ran", StringComparison.Ordinal) ? "#2a8a46"
            : outcome.StartsWith("cancelled", StringComparison.Ordinal) ? "#e08a00" : "#c62828";
        string symbol = outcome.StartsWith("ran", StringComparison.Ordinal) ? "\u2713"
            : outcome.StartsWith("cancelled", StringComparison.Ordinal) ? "\u2298" : "!";
        _out.WriteLine($"<g class=\"finish\"><title>{Markup.Escape($"'{lane.Name}' finished: {outcome}")}</title>" +
            $"<circle cx=\"{Markup.Number(x + MarkSize / 2 + 7)}\" cy=\"{Markup.Number(y)}\" r=\"6\" fill=\"{colour}\"/>" +
            $"<text x=\"{Markup.Number(x + MarkSize / 2 + 7)}\" y=\"{Markup.Number(y + 3.5)}\" text-anchor=\"middle\" " +
            $"font-size=\"9\" font-weight=\"bold\" fill=\"#fff\">{symbol}</text></g>");
    }
}
