using System;
using System.Collections.Generic;
using System.Linq;

namespace SimLoop;

// A finished run as the timeline draws it: a lane per task, the steps, spawns, cancellations, log lines and the
// failure, all taken from the kept trace entries (and the tasks and causes they hold), so it costs the run nothing.
// Only the most recent MaxShownSteps steps are drawn, so a long run still makes a picture a person can scroll.
internal sealed class Timeline
{
    public const int MaxShownSteps = 1500;

    private readonly Dictionary<int, TimelineLane> _lanes = new();

    private Timeline(TimelineRun run)
    {
        Run = run;
    }

    public TimelineRun Run { get; }

    /// <summary>Gets the lanes in task id order; the simulation's own lane (id 0) first, when anything happened there.</summary>
    public List<TimelineLane> Lanes { get; } = new();

    public List<TimelineStep> Steps { get; } = new();

    public List<TimelineSpawn> Spawns { get; } = new();

    public List<TimelineCancellation> Cancellations { get; } = new();

    public List<CapturedLog> Logs { get; } = new();

    /// <summary>Gets every step number anything is drawn at (steps, events, spawns, logs), in order, with its time.</summary>
    public SortedDictionary<long, TimeSpan> Instants { get; } = new();

    public TimelineFailure? Failure { get; private set; }

    /// <summary>Gets how many steps of the run are not drawn (not kept by the trace, or before the shown window).</summary>
    public long HiddenSteps { get; private set; }

    public static Timeline Build(TimelineRun run, Exception? failure)
    {
        var timeline = new Timeline(run);
        timeline.Read(run.Trace);
        timeline.ReadLogs(run.Logs);
        timeline.Failure = failure is null ? null : timeline.Mark(failure);
        timeline.Lanes.Sort((a, b) => a.TaskId.CompareTo(b.TaskId));
        for (int i = 0; i < timeline.Lanes.Count; i++)
        {
            timeline.Lanes[i].Index = i;
        }

        return timeline;
    }

    public TimelineLane LaneOf(int taskId) => _lanes[taskId];

    private void Read(SimulationTrace trace)
    {
        long firstShown = FirstShownStep(trace);
        HiddenSteps = Math.Max(0, firstShown - 1);
        var pendingDelivery = new Dictionary<int, List<TimelineCancellation>>();
        for (int i = 0; i < trace.Count; i++)
        {
            (TraceEntry entry, SimTask? task, SimTask? target, CancellationCause? cause) = trace.Fact(i);
            if (entry.Step < firstShown)
            {
                continue;
            }

            TimelineLane lane = task is null ? SimulationLane() : Lane(task);
            lane.FirstStep = Math.Min(lane.FirstStep, entry.Step);
            At(entry.Step, entry.Elapsed);
            switch (entry.Kind)
            {
                case TraceEventKind.TaskFinished:
                    lane.FinishStep = entry.Step;
                    lane.Outcome = entry.Detail;
                    break;
                case TraceEventKind.CancellationRequested when target is not null && cause is not null:
                    Lane(target);
                    var cancellation = new TimelineCancellation(Cancellations.Count + 1, lane.TaskId, target.Id,
                        entry.Step, DeliveryStep: null, cause);
                    Cancellations.Add(cancellation);
                    Waiting(pendingDelivery, target.Id).Add(cancellation);
                    break;
                case TraceEventKind.CancellationRequested:
                    break;
                default:
                    Steps.Add(new TimelineStep(entry.Step, entry.Elapsed, lane.TaskId, entry.Kind, entry.Choice,
                        entry.Candidates));
                    if (entry.Kind == TraceEventKind.TaskStarted && task is not null)
                    {
                        AddSpawn(task, entry.Step, firstShown);
                    }
                    else if (entry.Kind == TraceEventKind.CancellationDelivered)
                    {
                        Deliver(pendingDelivery, lane.TaskId, entry.Step);
                    }

                    break;
            }
        }
    }

    private static long FirstShownStep(SimulationTrace trace)
    {
        long lastStep = trace.Count == 0 ? 0 : trace[trace.Count - 1].Step;
        long firstKept = trace.Count == 0 ? 1 : trace[0].Step;
        return Math.Max(firstKept, lastStep - MaxShownSteps + 1);
    }

    private void AddSpawn(SimTask task, long startStep, long firstShown)
    {
        if (!task.IsSpawned)
        {
            return;
        }

        TimelineLane from = task.SpawnerId == 0 ? SimulationLane() : Lane(task.SpawnerId, name: null);
        long spawnStep = Math.Max(task.SpawnStep, firstShown);
        At(spawnStep, new TimeSpan(task.SpawnTicks));
        from.FirstStep = Math.Min(from.FirstStep, spawnStep);
        Lane(task).FirstStep = Math.Min(Lane(task).FirstStep, spawnStep);
        Spawns.Add(new TimelineSpawn(from.TaskId, task.Id, spawnStep, new TimeSpan(task.SpawnTicks), startStep));
    }

    private void Deliver(Dictionary<int, List<TimelineCancellation>> pending, int taskId, long step)
    {
        List<TimelineCancellation> waiting = Waiting(pending, taskId);
        foreach (TimelineCancellation cancellation in waiting)
        {
            Cancellations[cancellation.Number - 1] = cancellation with { DeliveryStep = step };
        }

        waiting.Clear();
    }

    private static List<TimelineCancellation> Waiting(Dictionary<int, List<TimelineCancellation>> pending, int id) =>
        pending.TryGetValue(id, out List<TimelineCancellation>? list) ? list : pending[id] = new();

    private void ReadLogs(LogCapture? capture)
    {
        if (capture is null)
        {
            return;
        }

        long firstShown = HiddenSteps + 1;
        foreach (CapturedLog line in capture.Lines.Where(l => l.Step >= firstShown))
        {
            TimelineLane lane = line.Task is null ? SimulationLane() : Lane(line.Task);
            lane.FirstStep = Math.Min(lane.FirstStep, line.Step);
            At(line.Step, line.Elapsed);
            Logs.Add(line);
        }
    }

    // The failure is marked on the first task whose finish says it faulted with it (or with what it wraps): where it
    // was thrown, rather than the tasks that awaited it and rethrew it; else on main.
    private TimelineFailure Mark(Exception failure)
    {
        string text = failure.GetType().Name + ": " + failure.Message;
        foreach (Exception candidate in new[] { failure, failure.InnerException }.OfType<Exception>())
        {
            string outcome = "faulted with " + candidate.GetType().Name + ": " + candidate.Message;
            if (Lanes.Where(l => l.Outcome == outcome).MinBy(l => l.FinishStep) is { FinishStep: { } step } lane)
            {
                return new TimelineFailure(text, lane.TaskId, step);
            }
        }

        long last = Instants.Count == 0 ? 0 : Instants.Keys.Last();
        At(last, Run.Elapsed);
        TimelineLane main = Lanes.FirstOrDefault(l => l.TaskId == 1) ?? SimulationLane();
        return new TimelineFailure(text, main.TaskId, last);
    }

    private void At(long step, TimeSpan elapsed) => Instants.TryAdd(step, elapsed);

    private TimelineLane SimulationLane() => Lane(0, "(simulation)");

    private TimelineLane Lane(SimTask task) => Lane(task.Id, task.Name);

    private TimelineLane Lane(int taskId, string? name)
    {
        if (!_lanes.TryGetValue(taskId, out TimelineLane? lane))
        {
            lane = new TimelineLane(taskId, name ?? "task " + taskId);
            _lanes.Add(taskId, lane);
            Lanes.Add(lane);
        }
        else if (name is not null)
        {
            lane.Name = name; // a lane first met as a spawner is known by its id only
        }

        return lane;
    }
}
