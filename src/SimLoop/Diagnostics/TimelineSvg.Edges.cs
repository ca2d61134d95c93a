using System;
using System.Collections.Generic;
using System.Linq;

namespace SimLoop;

// What crosses lanes or stands above them: spawn edges (from the step that called Spawn to the new task's first step),
// cancellation edges (from the requesting task's step to the step that delivered it, labelled with the cause: who,
// when, why, numbered as in the list under the picture), log lines as numbered diamonds, and the failure.
internal sealed partial class TimelineSvg
{
    private void WriteSpawns()
    {
        foreach (TimelineSpawn spawn in _timeline.Spawns)
        {
            string from = _timeline.LaneOf(spawn.FromTaskId).Name;
            string to = _timeline.LaneOf(spawn.ToTaskId).Name;
            string title = $"'{from}' spawned '{to}' in step #{spawn.SpawnStep} at {TimeFormat.Instant(spawn.At)}" +
                (spawn.StartStep is { } start ? $"; its first step is #{start}" : "; it has not started");
            _out.WriteLine($"<g class=\"spawn\" data-from=\"{Markup.Escape(from)}\" data-to=\"{Markup.Escape(to)}\">" +
                $"<title>{Markup.Escape(title)}</title>" +
                Edge(spawn.SpawnStep, spawn.FromTaskId, spawn.StartStep ?? spawn.SpawnStep, spawn.ToTaskId,
                    "#2a8a46", "spawn", dashed: true) + "</g>");
        }
    }

    private void WriteCancellations()
    {
        var labelsOnLane = new Dictionary<int, int>();
        foreach (TimelineCancellation cancellation in _timeline.Cancellations)
        {
            string from = _timeline.LaneOf(cancellation.FromTaskId).Name;
            string to = _timeline.LaneOf(cancellation.ToTaskId).Name;
            long end = cancellation.DeliveryStep ?? cancellation.RequestStep;
            CancellationCause cause = cancellation.Cause;
            string label = $"{cancellation.Number}. cancelled by {Requester(cause)} at {TimeFormat.Instant(cause.At)}: " +
                cause.Reason;
            int stacked = labelsOnLane[cancellation.ToTaskId] = labelsOnLane.GetValueOrDefault(cancellation.ToTaskId) + 1;
            double x = _axis.X(end) + MarkSize / 2 + 4;
            double y = Y(cancellation.ToTaskId) - 13 - 13 * ((stacked - 1) % 2);
            string delivered = cancellation.DeliveryStep is { } step ? $", delivered in step #{step}" : ", not delivered";
            _out.WriteLine($"<g class=\"cancellation\" data-from=\"{Markup.Escape(from)}\" data-to=\"{Markup.Escape(to)}\" " +
                $"data-number=\"{cancellation.Number}\"><title>{Markup.Escape(cause + delivered)}</title>" +
                Edge(cancellation.RequestStep, cancellation.FromTaskId, end, cancellation.ToTaskId, "#c62828", "cancel",
                    dashed: false) +
                $"<text x=\"{Markup.Number(x)}\" y=\"{Markup.Number(y)}\" fill=\"#b71c1c\" font-weight=\"bold\" " +
                $"stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{Markup.Escape(Markup.Cut(label, 90))}</text></g>");
        }
    }

    private static string Requester(CancellationCause cause) =>
        cause.RequestedBy is null ? "the simulation" : "'" + cause.RequestedBy + "'";

    // A curve from one lane's step mark to another's, leaving and entering the marks at their top or bottom edge.
    private string Edge(long fromStep, int fromTask, long toStep, int toTask, string colour, string marker, bool dashed)
    {
        double x1 = _axis.X(fromStep);
        double x2 = _axis.X(toStep);
        double y1 = Y(fromTask);
        double y2 = Y(toTask);
        double direction = Math.Sign(y2 - y1);
        if (direction == 0)
        {
            y1 -= MarkSize / 2;
            y2 -= MarkSize / 2;
        }
        else
        {
            y1 += direction * MarkSize / 2;
            y2 -= direction * (MarkSize / 2 + 1);
        }

        double bend = direction == 0 ? -24 : (y2 - y1) / 2;
        string path = $"M{Markup.Number(x1)},{Markup.Number(y1)} C{Markup.Number(x1)},{Markup.Number(y1 + bend)} " +
            $"{Markup.Number(x2)},{Markup.Number(y2 - (direction == 0 ? -bend : bend))} {Markup.Number(x2)},{Markup.Number(y2)}";
        return $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"" +
            (dashed ? " stroke-dasharray=\"5,3\"" : string.Empty) + $" marker-end=\"url(#arrow-{marker})\"/>";
    }

    private void WriteLogs()
    {
        var perColumn = new Dictionary<(int Task, long Step), int>();
        int number = 0;
        foreach (CapturedLog line in _timeline.Logs)
        {
            number++;
            int taskId = line.Task?.Id ?? 0;
            int stacked = perColumn[(taskId, line.Step)] = perColumn.GetValueOrDefault((taskId, line.Step)) + 1;
            double x = _axis.X(line.Step) - 6 + 15 * ((stacked - 1) / 3); // three to a column, then beside them
            double y = Y(taskId) + 15 + 10 * ((stacked - 1) % 3);
            string title = $"log {number} [{TimeFormat.Instant(line.Elapsed)} #{line.Step}" +
                (line.Task is null ? "] " : $" '{line.Task.Name}'] ") + $"{line.Level} {line.Category}: {line.Message}" +
                (line.Exception is null ? string.Empty : " (" + line.Exception + ")");
            _out.WriteLine($"<g class=\"log\" data-task=\"{Markup.Escape(_timeline.LaneOf(taskId).Name)}\" " +
                $"data-number=\"{number}\"><title>{Markup.Escape(title)}</title>" +
                $"<path d=\"M{Markup.Number(x)},{Markup.Number(y - 5)} l5,5 l-5,5 l-5,-5 z\" fill=\"#7b4fb0\"/>" +
                $"<text x=\"{Markup.Number(x + 6)}\" y=\"{Markup.Number(y + 4)}\" font-size=\"9\" fill=\"#5b2f90\">" +
                $"{number}</text></g>");
        }
    }

    private void WriteFailure(double height)
    {
        if (_timeline.Failure is not { } failure)
        {
            return;
        }

        double x = _axis.X(failure.Step) + MarkSize / 2 + 7;
        double y = Y(failure.TaskId);
        string task = _timeline.LaneOf(failure.TaskId).Name;
        _out.WriteLine($"<g class=\"failure\" data-task=\"{Markup.Escape(task)}\"><title>{Markup.Escape(failure.Text)}</title>" +
            $"<line x1=\"{Markup.Number(x)}\" y1=\"{Markup.Number(AxisHeight - 4)}\" x2=\"{Markup.Number(x)}\" " +
            $"y2=\"{Markup.Number(height)}\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"6,3\"/>" +
            $"<circle cx=\"{Markup.Number(x)}\" cy=\"{Markup.Number(y)}\" r=\"9\" fill=\"#c62828\"/>" +
            $"<text x=\"{Markup.Number(x)}\" y=\"{Markup.Number(y + 4.5)}\" text-anchor=\"middle\" font-weight=\"bold\" " +
            $"fill=\"#fff\">!</text><text x=\"{Markup.Number(x + 14)}\" y=\"{Markup.Number(y + 26)}\" fill=\"#b71c1c\" " +
            $"font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">failed: " +
            $"{Markup.Escape(Markup.Cut(failure.Text, 100))}</text></g>");
    }
}
